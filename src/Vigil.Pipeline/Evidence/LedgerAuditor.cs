using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence;

/// <summary>Verifies chains as stored: one case's, or every chain in the store.</summary>
public sealed class LedgerAuditor(IVigilStore store)
{
    public async Task<LedgerVerification> VerifyChainAsync(string chainId, CancellationToken cancellationToken)
    {
        var entries = await store.ReadLedgerAsync(chainId, cancellationToken);
        var head = await store.GetLedgerHeadAsync(chainId, cancellationToken);
        return LedgerVerifier.Verify(chainId, entries, head);
    }

    public async Task<LedgerReport> VerifyAllAsync(CancellationToken cancellationToken)
    {
        var chains = await store.ListLedgerChainsAsync(cancellationToken);
        var results = new List<LedgerVerification>(chains.Count);
        foreach (var chain in chains)
        {
            results.Add(await VerifyChainAsync(chain, cancellationToken));
        }

        return new LedgerReport(results);
    }
}
