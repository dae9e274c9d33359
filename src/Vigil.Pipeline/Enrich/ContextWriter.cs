using Vigil.Domain.Ledger;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich;

/// <summary>
/// Stores context and indicators, from a file import or the API, in batches: each batch commits with a ledger entry
/// on the system chain saying who changed how many records, so context that moved a case's severity can be traced.
/// </summary>
public sealed class ContextWriter(IVigilStore store, IntelIndexCache intel, TimeProvider time)
{
    /// <summary>Records per transaction: large enough to amortise the commit, small enough not to hold the writer long.</summary>
    public const int BatchSize = 500;

    public Task<ImportSummary> StoreAssetsAsync(IReadOnlyList<AssetContext> assets, Actor actor, IProgress<int>? progress, CancellationToken cancellationToken) =>
        StoreAsync("assets", assets, a => a.HostName, (tx, a, at, ct) => tx.UpsertAssetAsync(a, at, ct), LedgerKinds.ContextImported, actor, progress, cancellationToken);

    public Task<ImportSummary> StoreIdentitiesAsync(IReadOnlyList<IdentityContext> identities, Actor actor, IProgress<int>? progress, CancellationToken cancellationToken) =>
        StoreAsync("identities", identities, i => i.UserName, (tx, i, at, ct) => tx.UpsertIdentityAsync(i, at, ct), LedgerKinds.ContextImported, actor, progress, cancellationToken);

    public Task<ImportSummary> StoreServicesAsync(IReadOnlyList<ServiceContext> services, Actor actor, IProgress<int>? progress, CancellationToken cancellationToken) =>
        StoreAsync("services", services, s => s.Name, (tx, s, at, ct) => tx.UpsertServiceAsync(s, at, ct), LedgerKinds.ContextImported, actor, progress, cancellationToken);

    public async Task<ImportSummary> StoreIndicatorsAsync(IReadOnlyList<Indicator> indicators, Actor actor, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var summary = await StoreAsync("indicators", indicators, StoredIndicator.IdOf, (tx, i, at, ct) => tx.UpsertIndicatorAsync(i, at, ct), LedgerKinds.IntelImported, actor, progress, cancellationToken);
        intel.Invalidate();
        return summary;
    }

    public Task<bool> DeleteAssetAsync(string hostName, Actor actor, CancellationToken cancellationToken) =>
        DeleteAsync("asset", hostName, (tx, ct) => tx.DeleteAssetAsync(hostName, ct), LedgerKinds.ContextDeleted, actor, cancellationToken);

    public Task<bool> DeleteIdentityAsync(string userName, Actor actor, CancellationToken cancellationToken) =>
        DeleteAsync("identity", userName, (tx, ct) => tx.DeleteIdentityAsync(userName, ct), LedgerKinds.ContextDeleted, actor, cancellationToken);

    public Task<bool> DeleteServiceAsync(string name, Actor actor, CancellationToken cancellationToken) =>
        DeleteAsync("service", name, (tx, ct) => tx.DeleteServiceAsync(name, ct), LedgerKinds.ContextDeleted, actor, cancellationToken);

    public async Task<bool> DeleteIndicatorAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var deleted = await DeleteAsync("indicator", id, (tx, ct) => tx.DeleteIndicatorAsync(id, ct), LedgerKinds.IntelDeleted, actor, cancellationToken);
        intel.Invalidate();
        return deleted;
    }

    private async Task<ImportSummary> StoreAsync<T>(
        string kind, IReadOnlyList<T> records, Func<T, string> keyOf, Func<IStoreTransaction, T, DateTimeOffset, CancellationToken, Task<bool>> upsert,
        string ledgerKind, Actor actor, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        var (created, updated) = (0, 0);
        for (var start = 0; start < records.Count; start += BatchSize)
        {
            var now = time.GetUtcNow();
            var end = Math.Min(records.Count, start + BatchSize);
            var (batchCreated, batchUpdated) = (0, 0);
            await using var transaction = await store.BeginAsync(cancellationToken);
            for (var i = start; i < end; i++)
            {
                if (await upsert(transaction, records[i], now, cancellationToken))
                {
                    batchCreated++;
                }
                else
                {
                    batchUpdated++;
                }
            }

            await transaction.AppendLedgerAsync(LedgerChains.System, ledgerKind, actor, now, LedgerPayload.From(new
            {
                kind,
                created = batchCreated,
                updated = batchUpdated,
                first = keyOf(records[start]),
                last = keyOf(records[end - 1]),
            }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            (created, updated) = (created + batchCreated, updated + batchUpdated);
            progress?.Report(end);
        }

        return new ImportSummary(kind, created + updated, created, updated);
    }

    private async Task<bool> DeleteAsync(string kind, string key, Func<IStoreTransaction, CancellationToken, Task<bool>> delete, string ledgerKind, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (!await delete(transaction, cancellationToken))
        {
            return false;
        }

        await transaction.AppendLedgerAsync(LedgerChains.System, ledgerKind, actor, time.GetUtcNow(), LedgerPayload.From(new { kind, key }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
