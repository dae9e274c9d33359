namespace Vigil.Detection.Rules;

/// <summary>A YAML map in a detection: every item must match.</summary>
public sealed record SigmaDetectionAll(IReadOnlyList<SigmaDetectionItem> Items, int Line) : SigmaDetectionItem(Line);
