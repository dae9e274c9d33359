namespace Vigil.Pipeline.Evidence;

/// <summary>One moment of the case in time order: an alert occurring or a ledger entry (<see cref="Ref"/> is its seq or alert id).</summary>
public sealed record PackageTimelineItem(string At, string Source, string Kind, string Actor, string Summary, string Ref);
