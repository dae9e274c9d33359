using Vigil.Domain;
using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Ports;

/// <summary>
/// Filter, sort and keyset page for the case list. <see cref="After"/> is the opaque cursor of the previous page;
/// keyset paging stays fast at any depth where OFFSET would scan everything before it.
/// </summary>
public sealed record CaseQuery
{
    public IReadOnlyList<CaseState>? States { get; init; }

    /// <summary>True: only open cases (any state but closed). Ignored when <see cref="States"/> is given.</summary>
    public bool? Open { get; init; }

    public Severity? MinSeverity { get; init; }

    public string? Owner { get; init; }

    /// <summary>Case-insensitive substring of the title.</summary>
    public string? Text { get; init; }

    public DateTimeOffset? OpenedAfter { get; init; }

    public DateTimeOffset? OpenedBefore { get; init; }

    public CaseSort Sort { get; init; } = CaseSort.OpenedDesc;

    public int Limit { get; init; } = 50;

    public string? After { get; init; }
}
