using System.Text;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    /// <summary>Keys per IN list when asking which closed cases share a case's entities (a case may hold hundreds).</summary>
    private const int KeysPerQuery = 100;

    private static readonly string CasePrefixed = string.Join(", ", Columns.Case.Split(',').Select(column => "c." + column.Trim()));

    public Task<EntityRecord?> GetEntityAsync(string entityKey, CancellationToken cancellationToken) =>
        SingleAsync(
            $"SELECT type, value, first_seen, last_seen FROM {VigilTables.Entities} WHERE entity_key = @key",
            static (r, e) => new EntityRecord(JsonText.ToEntity(r.GetString(0), r.GetString(1)), e.ReadTime(r, 2), e.ReadTime(r, 3)),
            cancellationToken,
            ("@key", entityKey));

    public Task<IReadOnlyList<EntityCaseRef>> ListEntityCasesAsync(string entityKey, int limit, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT {CasePrefixed}, ce.first_seen, ce.last_at FROM {VigilTables.CaseEntities} ce JOIN {VigilTables.Cases} c ON c.id = ce.case_id"
            + " WHERE ce.entity_key = @key ORDER BY ce.last_at DESC, c.id LIMIT @limit",
            static (r, e) => new EntityCaseRef(Rows.Case(r, e), e.ReadTime(r, 17), e.ReadTime(r, 18)),
            cancellationToken,
            ("@key", entityKey),
            ("@limit", Math.Max(0, limit)));

    public async Task<IReadOnlyList<SharedEntityCase>> FindClosedCasesSharingAsync(
        IReadOnlyList<string> entityKeys, string excludeCaseId, int limit, CancellationToken cancellationToken)
    {
        var shared = new Dictionary<string, (DateTimeOffset ClosedAt, List<string> Keys)>(StringComparer.Ordinal);
        for (var start = 0; start < entityKeys.Count; start += KeysPerQuery)
        {
            var count = Math.Min(KeysPerQuery, entityKeys.Count - start);
            var sql = new StringBuilder(
                $"SELECT ce.case_id, ce.entity_key, c.closed_at FROM {VigilTables.CaseEntities} ce JOIN {VigilTables.Cases} c ON c.id = ce.case_id"
                + " WHERE c.state = 'closed' AND c.id <> @exclude AND ce.entity_key IN (");
            var parameters = new (string, object?)[count + 1];
            parameters[0] = ("@exclude", excludeCaseId);
            for (var i = 0; i < count; i++)
            {
                sql.Append(i == 0 ? "@k" : ", @k").Append(i);
                parameters[i + 1] = ($"@k{i}", entityKeys[start + i]);
            }

            sql.Append(')');
            var rows = await ListAsync(
                sql.ToString(), static (r, e) => (CaseId: r.GetString(0), Key: r.GetString(1), ClosedAt: e.ReadNullableTime(r, 2) ?? DateTimeOffset.MinValue), cancellationToken, parameters);
            foreach (var row in rows)
            {
                if (!shared.TryGetValue(row.CaseId, out var entry))
                {
                    shared[row.CaseId] = entry = (row.ClosedAt, []);
                }

                entry.Keys.Add(row.Key);
            }
        }

        return [.. shared
            .OrderByDescending(pair => pair.Value.ClosedAt)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Take(Math.Max(0, limit))
            .Select(pair => new SharedEntityCase(pair.Key, pair.Value.Keys))];
    }
}
