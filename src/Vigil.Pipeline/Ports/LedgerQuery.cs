namespace Vigil.Pipeline.Ports;

/// <summary>
/// A page of ledger entries across chains, in (chain, seq) order: entries recorded in [From, To), after the
/// (AfterChain, AfterSeq) cursor, at most Limit.
/// </summary>
public sealed record LedgerQuery
{
    public DateTimeOffset? From { get; init; }

    public DateTimeOffset? To { get; init; }

    public string? AfterChain { get; init; }

    public long AfterSeq { get; init; }

    public int Limit { get; init; } = 1000;
}
