namespace Vigil.Detection.Rules;

/// <summary>A YAML list of maps or keywords in a detection: one item must match.</summary>
public sealed record SigmaDetectionAny(IReadOnlyList<SigmaDetectionItem> Items, int Line) : SigmaDetectionItem(Line);
