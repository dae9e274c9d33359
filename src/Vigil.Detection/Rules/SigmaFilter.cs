namespace Vigil.Detection.Rules;

/// <summary>
/// A global filter (Sigma filters specification 2.1.0): a detection that, when it matches, suppresses
/// matches of the rules it names (by id or name).
/// </summary>
public sealed record SigmaFilter
{
    public required string Title { get; init; }
    public string? Id { get; init; }
    public string? Description { get; init; }
    public required SigmaLogSource LogSource { get; init; }
    public required IReadOnlyList<string> Rules { get; init; }
    public required SigmaDetection Detection { get; init; }
    public required SigmaSourceLocation Location { get; init; }
}
