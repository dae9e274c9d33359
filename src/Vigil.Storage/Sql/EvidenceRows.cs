using System.Data.Common;
using Vigil.Domain.Evidence;
using Vigil.Domain.Learn;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Sql;

/// <summary>Columns and row mapping for the evidence and learning tables.</summary>
internal static class EvidenceRows
{
    public const string SigningKeyColumns = "id, purpose, algorithm, public_key, private_key, created_at";
    public const string TuningColumns = "id, case_id, rule_id, status, created_at, decided_at, decided_by, document";
    public const string TaskColumns = "id, case_id, kind, title, owner, due_at, status, created_at, done_at, ref_id";

    public static SigningKey SigningKey(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        Purpose = r.GetString(1),
        Algorithm = r.GetString(2),
        PublicKey = r.GetString(3),
        PrivateKey = r.GetString(4),
        CreatedAt = engine.ReadTime(r, 5),
    };

    public static TuningProposal Tuning(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        CaseId = r.GetString(1),
        RuleId = r.GetString(2),
        Status = LearnNames.ParseTuningStatus(r.GetString(3)),
        CreatedAt = engine.ReadTime(r, 4),
        DecidedAt = engine.ReadNullableTime(r, 5),
        DecidedBy = r.GetNullableString(6),
        Document = r.GetString(7),
    };

    public static LearningTask Task(DbDataReader r, StoreEngine engine) => new()
    {
        Id = r.GetString(0),
        CaseId = r.GetString(1),
        Kind = LearnNames.ParseTaskKind(r.GetString(2)),
        Title = r.GetString(3),
        Owner = r.GetNullableString(4),
        DueAt = engine.ReadTime(r, 5),
        Status = LearnNames.ParseTaskStatus(r.GetString(6)),
        CreatedAt = engine.ReadTime(r, 7),
        DoneAt = engine.ReadNullableTime(r, 8),
        RefId = r.GetNullableString(9),
    };
}
