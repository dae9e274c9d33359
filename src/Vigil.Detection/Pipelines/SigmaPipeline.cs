namespace Vigil.Detection.Pipelines;

/// <summary>
/// How Sigma's abstract logsources and field names meet concrete events (in the spirit of pySigma's
/// processing pipelines): logsource conditions, field renames, placeholder values, and the field rules are
/// routed by. Loaded from YAML in content/pipelines/.
/// </summary>
public sealed record SigmaPipeline
{
    public required string Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Event field whose exact value indexes rules (EventID for Windows, class_uid for OCSF).</summary>
    public string RouteBy { get; init; } = "EventID";

    public IReadOnlyDictionary<string, string> FieldMappings { get; init; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Placeholders { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
    public IReadOnlyList<SigmaLogSourceMapping> LogSources { get; init; } = [];

    /// <summary>No mapping at all: rules see event fields under their Sigma names.</summary>
    public static SigmaPipeline None { get; } = new() { Name = "none" };
}
