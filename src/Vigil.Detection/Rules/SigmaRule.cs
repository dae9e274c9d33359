namespace Vigil.Detection.Rules;

/// <summary>A parsed Sigma detection rule (Sigma 2.1.0 rules specification), before compilation.</summary>
public sealed record SigmaRule
{
    public required string Title { get; init; }
    public string? Id { get; init; }

    /// <summary>The <c>name</c> field: the handle correlation rules use to refer to this rule.</summary>
    public string? Name { get; init; }

    public string? Status { get; init; }
    public string? Description { get; init; }
    public string? Level { get; init; }

    /// <summary>Author(s) as written. SigmaHQ's DRL requires showing it wherever a match is shown.</summary>
    public string? Author { get; init; }

    public string? License { get; init; }
    public string? Date { get; init; }
    public string? Modified { get; init; }
    public string? Taxonomy { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> FalsePositives { get; init; } = [];
    public IReadOnlyList<string> Fields { get; init; } = [];
    public IReadOnlyList<string> Scope { get; init; } = [];
    public IReadOnlyList<SigmaRelated> Related { get; init; } = [];
    public required SigmaLogSource LogSource { get; init; }
    public required SigmaDetection Detection { get; init; }
    public required SigmaSourceLocation Location { get; init; }
}
