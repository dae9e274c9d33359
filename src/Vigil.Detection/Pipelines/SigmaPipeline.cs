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

    /// <summary>
    /// Products whose rules apply to this pipeline's events (empty: any). A zeek or azure rule has no business
    /// running on Windows event logs, and one written as <c>not selection</c> would match every event there.
    /// </summary>
    public IReadOnlyList<string> Products { get; init; } = [];

    /// <summary>When true, only rules whose logsource some <see cref="LogSources"/> entry maps are applied.</summary>
    public bool RequireLogSourceMapping { get; init; }

    /// <summary>Whether rules with this logsource should run on this pipeline's events.</summary>
    public bool Covers(Rules.SigmaLogSource logSource) =>
        (Products.Count == 0 || Products.Contains(logSource.Product ?? "", StringComparer.OrdinalIgnoreCase))
        && (!RequireLogSourceMapping || LogSources.Any(m => m.Applies(logSource)));

    /// <summary>No mapping at all: rules see event fields under their Sigma names.</summary>
    public static SigmaPipeline None { get; } = new() { Name = "none" };
}
