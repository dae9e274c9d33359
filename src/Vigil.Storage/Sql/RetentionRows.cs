using System.Data.Common;
using Vigil.Domain.Evidence;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Sql;

/// <summary>Columns and row mapping for legal holds and tombstones.</summary>
internal static class RetentionRows
{
    public const string HoldColumns = "case_id, reason, set_by, set_at";
    public const string TombstoneColumns = "id, run_id, case_id, kind, ref_id, sha256, size, rule, disposed_at";

    public static LegalHold Hold(DbDataReader r, StoreEngine engine) => new(r.GetString(0), r.GetString(1), r.GetString(2), engine.ReadTime(r, 3));

    public static Tombstone Tombstone(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        RunId = r.GetString(1),
        CaseId = r.GetString(2),
        Kind = r.GetString(3),
        RefId = r.GetString(4),
        Sha256 = r.GetString(5),
        Size = r.GetInt64(6),
        Rule = r.GetString(7),
        DisposedAt = engine.ReadTime(r, 8),
    };
}
