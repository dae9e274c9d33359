using Vigil.Domain.Evidence;

namespace Vigil.Pipeline.Evidence.Retention;

/// <summary>
/// One retention run: what was disposed of (or, on a dry run, would be), as tombstones, and which closed cases with
/// expired data were left alone because they are on legal hold.
/// </summary>
public sealed record DisposalReport
{
    public required string RunId { get; init; }

    public required bool DryRun { get; init; }

    public required DateTimeOffset At { get; init; }

    public required int CasesExamined { get; init; }

    public required IReadOnlyList<string> HeldCases { get; init; }

    public required IReadOnlyList<Tombstone> Disposed { get; init; }

    public long BytesDisposed => Disposed.Sum(t => t.Size);
}
