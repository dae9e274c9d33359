using System.Data.Common;
using Vigil.Domain.Evidence;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Sql;

/// <summary>Columns and row mapping for evidence artefacts.</summary>
internal static class ArtefactRows
{
    public const string Columns = "id, case_id, sha256, name, size, description, collected_by, collected_at, collected_from, disposed_at";

    public static Artefact Artefact(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        CaseId = r.GetString(1),
        Sha256 = r.GetString(2),
        Name = r.GetString(3),
        Size = r.GetInt64(4),
        Description = r.GetNullableString(5),
        CollectedBy = r.GetString(6),
        CollectedAt = engine.ReadTime(r, 7),
        CollectedFrom = r.GetString(8),
        DisposedAt = engine.ReadNullableTime(r, 9),
    };
}
