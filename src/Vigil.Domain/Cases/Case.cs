namespace Vigil.Domain.Cases;

/// <summary>
/// A case: alerts grouped as one incident, moving through <see cref="CaseState"/>. Change it only through
/// <see cref="CaseLifecycle"/>, which refuses illegal moves; <see cref="Version"/> guards concurrent writers.
/// </summary>
public sealed record Case
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required CaseState State { get; init; }

    public required Severity SeverityAtOpen { get; init; }

    public required Severity Severity { get; init; }

    public string? Owner { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset SlaDueAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public Classification? Classification { get; init; }

    public string? ClosureNote { get; init; }

    public string? RootCause { get; init; }

    /// <summary>The state the case was in when it was closed, so a reopen knows where it came from.</summary>
    public CaseState? StateBeforeClose { get; init; }

    /// <summary>Set when this case was merged into another; its alerts then live there.</summary>
    public string? MergedInto { get; init; }

    public int AlertCount { get; init; }

    /// <summary>Incremented on every change; storage refuses an update whose expected version is stale.</summary>
    public long Version { get; init; } = 1;

    public bool IsClosed => State == CaseState.Closed;
}
