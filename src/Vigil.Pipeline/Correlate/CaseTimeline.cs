namespace Vigil.Pipeline.Correlate;

/// <summary>
/// A case in time order, and the ATT&amp;CK tactics its alerts show in kill-chain order. Technique tags the shipped
/// catalogue does not know are listed in <see cref="UnknownTechniques"/> rather than dropped.
/// </summary>
public sealed record CaseTimeline(
    string CaseId,
    IReadOnlyList<TimelineEntry> Entries,
    IReadOnlyList<TacticSeen> Tactics,
    IReadOnlyList<string> UnknownTechniques);
