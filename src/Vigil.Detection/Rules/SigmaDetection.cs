namespace Vigil.Detection.Rules;

/// <summary>The <c>detection</c> section: named search identifiers and one or more conditions (OR-ed).</summary>
public sealed record SigmaDetection(
    IReadOnlyDictionary<string, SigmaDetectionItem> Searches,
    IReadOnlyList<string> Conditions,
    int ConditionLine);
