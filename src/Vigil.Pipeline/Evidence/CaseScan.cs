using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence;

/// <summary>Every case, oldest first, read page by page (keyset), for reports and bulk exports.</summary>
public static class CaseScan
{
    private const int Page = 500;

    public static async IAsyncEnumerable<Case> AllAsync(IVigilStore store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        string? after = null;
        do
        {
            var page = await store.ListCasesAsync(new CaseQuery { Sort = CaseSort.OpenedAsc, Limit = Page, After = after }, cancellationToken);
            foreach (var item in page.Items)
            {
                yield return item;
            }

            after = page.Next;
        }
        while (after is not null);
    }

    /// <summary>Every ledger entry (in chain, seq order) recorded in [from, to).</summary>
    public static async IAsyncEnumerable<Domain.Ledger.LedgerEntry> LedgerAsync(IVigilStore store, DateTimeOffset? from, DateTimeOffset? to, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new LedgerQuery { From = from, To = to, Limit = 5000 };
        while (true)
        {
            var page = await store.ReadLedgerAsync(query, cancellationToken);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < query.Limit)
            {
                yield break;
            }

            query = query with { AfterChain = page[^1].ChainId, AfterSeq = page[^1].Seq };
        }
    }
}
