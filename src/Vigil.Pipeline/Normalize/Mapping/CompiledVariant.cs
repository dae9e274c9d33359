using Vigil.Pipeline.Normalize.Ocsf;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// A mapping's common part merged with one of its variants (or the mapping itself when it has none):
/// everything needed to turn a matching event into one OCSF class, resolved at load.
/// </summary>
internal sealed class CompiledVariant
{
    public required string Name { get; init; }

    public required Condition[] When { get; init; }

    public required OcsfClassDefinition Class { get; init; }

    public required ValueExpression Activity { get; init; }

    public required ValueExpression Time { get; init; }

    public ValueExpression? Severity { get; init; }

    public TemplatePart[]? Title { get; init; }

    public ValueExpression? SourceRef { get; init; }

    public required IFieldWriter[] Fields { get; init; }

    public required EntityRule[] Entities { get; init; }

    public required PathTrie Trie { get; init; }
}
