using Vigil.Pipeline.Ports;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<IReadOnlyList<CaseEntityHit>> FindOpenCasesByEntitiesAsync(
        IReadOnlyList<string> entityKeys, DateTimeOffset since, int limit, CancellationToken cancellationToken)
    {
        if (entityKeys.Count == 0 || limit <= 0)
        {
            return [];
        }

        var hits = new List<CaseEntityHit>();
        for (var start = 0; start < entityKeys.Count; start += CorrelationStatements.KeysPerLookup)
        {
            var keys = Math.Min(CorrelationStatements.KeysPerLookup, entityKeys.Count - start);
            var lookup = await PreparedAsync(CorrelationStatements.OpenCasesByEntities(keys), cancellationToken);
            for (var i = 0; i < keys; i++)
            {
                lookup.Set(i, entityKeys[start + i]);
            }

            lookup.Set(keys, engine.ToDb(since));
            lookup.Set(keys + 1, limit);
            hits.AddRange(await Query.ListAsync(
                lookup, engine, static (r, e) => new CaseEntityHit(r.GetString(0), r.GetString(1), e.ReadTime(r, 2), r.GetInt32(3)), cancellationToken));
        }

        if (entityKeys.Count > CorrelationStatements.KeysPerLookup)
        {
            hits.Sort(static (a, b) => b.LastAt.CompareTo(a.LastAt));
            if (hits.Count > limit)
            {
                hits.RemoveRange(limit, hits.Count - limit);
            }
        }

        return hits;
    }
}
