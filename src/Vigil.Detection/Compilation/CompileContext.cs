namespace Vigil.Detection.Compilation;

/// <summary>What a detection compiles against: field-name mapping and placeholder values from the pipeline.</summary>
internal sealed record CompileContext(
    IReadOnlyDictionary<string, string> FieldMappings,
    IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders)
{
    public static readonly CompileContext Empty = new(
        new Dictionary<string, string>(), new Dictionary<string, IReadOnlyList<string>>());

    public string MapField(string field) => FieldMappings.TryGetValue(field, out var mapped) ? mapped : field;
}
