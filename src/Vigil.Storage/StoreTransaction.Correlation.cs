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

        // Each lookup returns its own most recent `limit` rows, so the most recent `limit` of their union are the
        // most recent `limit` overall.
        var perLookup = engine.BatchesLookups ? CorrelationStatements.KeysPerLookup : 1;
        var sinceValue = engine.ToDb(since);
        var hits = new List<CaseEntityHit>();
        for (var start = 0; start < entityKeys.Count; start += perLookup)
        {
            var keys = Math.Min(perLookup, entityKeys.Count - start);
            var lookup = await PreparedAsync(
                keys == 1 && !engine.BatchesLookups ? CorrelationStatements.OpenCasesByEntity(limit) : CorrelationStatements.OpenCasesByEntities(keys, limit),
                cancellationToken);
            for (var i = 0; i < keys; i++)
            {
                lookup.Set(i, entityKeys[start + i]);
            }

            lookup.Set(keys, sinceValue);
            await using var reader = await lookup.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                hits.Add(new CaseEntityHit(reader.GetString(0), reader.GetString(1), engine.ReadTime(reader, 2), reader.GetInt32(3)));
            }
        }

        if (entityKeys.Count > perLookup)
        {
            // Stable, so rows of equal time keep the order their lookups gave them.
            return [.. hits.OrderByDescending(static h => h.LastAt).Take(limit)];
        }

        return hits;
    }
}
