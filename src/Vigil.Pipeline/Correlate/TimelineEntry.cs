using Vigil.Domain;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// One moment of a case: an alert (<see cref="Kind"/> <c>alert</c>, at its event time, with its ATT&amp;CK mapping) or
/// case activity from the ledger (state changes, notes, merges, closure; at the time it was recorded).
/// </summary>
public sealed record TimelineEntry
{
    public required DateTimeOffset At { get; init; }

    /// <summary><c>alert</c>, or the ledger entry kind (<c>case.state_changed</c>, <c>case.note_added</c>…).</summary>
    public required string Kind { get; init; }

    public required string Title { get; init; }

    public string? AlertId { get; init; }

    public string? Source { get; init; }

    public Severity? Severity { get; init; }

    /// <summary>Technique ids (<c>T1197</c>) in kill-chain order.</summary>
    public IReadOnlyList<string> Techniques { get; init; } = [];

    /// <summary>Tactic short names (<c>defense-evasion</c>) in kill-chain order.</summary>
    public IReadOnlyList<string> Tactics { get; init; } = [];

    /// <summary>Why the alert is in the case (its grouping reason), or the ledger entry's actor for case activity.</summary>
    public string? Detail { get; init; }

    /// <summary>The ledger sequence number, for case activity.</summary>
    public long? LedgerSeq { get; init; }
}
