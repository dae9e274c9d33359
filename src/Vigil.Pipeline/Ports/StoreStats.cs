namespace Vigil.Pipeline.Ports;

public sealed record StoreStats
{
    public long Alerts { get; init; }

    public long Occurrences { get; init; }

    public long Cases { get; init; }

    public long OpenCases { get; init; }

    public long LedgerEntries { get; init; }

    public long DeadLettersPending { get; init; }
}
