using Vigil.Pipeline.Recommend;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<Recommendation> InsertRecommendationAsync(Recommendation recommendation, CancellationToken cancellationToken)
    {
        // The caller holds the case row lock (GetCaseForUpdateAsync), so MAX + 1 cannot race; the unique key backs it up.
        await using var next = Command($"SELECT COALESCE(MAX(version), 0) + 1 FROM {VigilTables.Recommendations} WHERE case_id = @case_id")
            .Add("@case_id", recommendation.CaseId);
        var version = (int)await next.ScalarLongAsync(cancellationToken);
        var stored = recommendation with { Version = version };
        await using var insert = Command(
            $"INSERT INTO {VigilTables.Recommendations} (id, case_id, version, model, created_at, severity, disposition, confidence, input_digest, body)"
            + " VALUES (@id, @case_id, @version, @model, @created_at, @severity, @disposition, @confidence, @input_digest, @body)")
            .Add("@id", stored.Id)
            .Add("@case_id", stored.CaseId)
            .Add("@version", version)
            .Add("@model", stored.Model)
            .Add("@created_at", engine.ToDb(stored.CreatedAt))
            .Add("@severity", (int)stored.Severity)
            .Add("@disposition", stored.Disposition.ToWire())
            .Add("@confidence", stored.Confidence)
            .Add("@input_digest", stored.InputDigest)
            .Add("@body", RecommendationJson.Serialize(stored));
        await insert.ExecuteNonQueryAsync(cancellationToken);
        return stored;
    }
}
