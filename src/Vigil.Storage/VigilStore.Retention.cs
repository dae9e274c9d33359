using System.Text;
using Vigil.Domain.Evidence;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    public Task<IReadOnlyList<LegalHold>> ListLegalHoldsAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {RetentionRows.HoldColumns} FROM {VigilTables.LegalHolds} ORDER BY set_at, case_id", RetentionRows.Hold, cancellationToken);

    public Task<IReadOnlyList<Tombstone>> ListTombstonesAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {RetentionRows.TombstoneColumns} FROM {VigilTables.Tombstones} WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (from is { } start)
        {
            sql.Append(" AND disposed_at >= @from");
            parameters.Add(("@from", engine.ToDb(start)));
        }

        if (to is { } end)
        {
            sql.Append(" AND disposed_at < @to");
            parameters.Add(("@to", engine.ToDb(end)));
        }

        sql.Append(" ORDER BY disposed_at, id");
        return ListAsync(sql.ToString(), RetentionRows.Tombstone, cancellationToken, [.. parameters]);
    }
}
