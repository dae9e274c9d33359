namespace Vigil.Pipeline.Evidence;

/// <summary>How the case ended (or that it has not): classification, note, root cause, who closed it, and the entries.</summary>
public sealed record PackageClosure
{
    public required bool Closed { get; init; }

    public string? Classification { get; init; }

    public string? Note { get; init; }

    public string? RootCause { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? ClosedBy { get; init; }

    public required IReadOnlyList<PackageLedgerView> Entries { get; init; }
}
