using System.Globalization;
using System.Text;
using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Pipeline.Recommend;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    // Popular entities (a shared proxy address) could join a case to thousands of others; precedents need only a few.
    private const int MaxPriorRows = 500;

    private const string DecidedClosed =
        "c.state = 'closed' AND c.merged_into IS NULL AND c.classification IN ('true_positive', 'benign_positive', 'false_positive')";

    public Task<Recommendation?> GetRecommendationAsync(string caseId, int? version, CancellationToken cancellationToken) =>
        version is { } v
            ? SingleAsync(
                $"SELECT body FROM {VigilTables.Recommendations} WHERE case_id = @case_id AND version = @version",
                static (r, _) => RecommendationJson.Deserialize(r.GetString(0)),
                cancellationToken,
                ("@case_id", caseId),
                ("@version", v))
            : SingleAsync(
                $"SELECT body FROM {VigilTables.Recommendations} WHERE case_id = @case_id ORDER BY version DESC LIMIT 1",
                static (r, _) => RecommendationJson.Deserialize(r.GetString(0)),
                cancellationToken,
                ("@case_id", caseId));

    public Task<IReadOnlyList<RecommendationVersion>> ListRecommendationVersionsAsync(string caseId, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT id, version, model, created_at, severity, disposition, confidence, input_digest FROM {VigilTables.Recommendations} WHERE case_id = @case_id ORDER BY version",
            static (r, engine) => new RecommendationVersion
            {
                Id = r.GetString(0),
                Version = Convert.ToInt32(r.GetValue(1), CultureInfo.InvariantCulture),
                Model = r.GetString(2),
                CreatedAt = engine.ReadTime(r, 3),
                Severity = (Severity)Convert.ToInt32(r.GetValue(4), CultureInfo.InvariantCulture),
                Disposition = DispositionNames.TryParse(r.GetString(5), out var d) ? d : Disposition.TruePositive,
                Confidence = r.GetDouble(6),
                InputDigest = r.GetString(7),
            },
            cancellationToken,
            ("@case_id", caseId));

    public async Task<IReadOnlyList<DetectorRecord>> GetDetectorRecordsAsync(IReadOnlyList<string> sources, CancellationToken cancellationToken)
    {
        if (sources.Count == 0)
        {
            return [];
        }

        var sql = new StringBuilder(
            $"SELECT a.source, a.title, c.classification, COUNT(DISTINCT c.id) FROM {VigilTables.Alerts} a"
            + $" JOIN {VigilTables.CaseAlerts} l ON l.alert_id = a.id JOIN {VigilTables.Cases} c ON c.id = l.case_id"
            + $" WHERE {DecidedClosed} AND a.source IN (");
        var parameters = new (string, object?)[sources.Count];
        for (var i = 0; i < sources.Count; i++)
        {
            var name = string.Create(CultureInfo.InvariantCulture, $"@s{i}");
            sql.Append(i == 0 ? string.Empty : ", ").Append(name);
            parameters[i] = (name, sources[i]);
        }

        sql.Append(") GROUP BY a.source, a.title, c.classification");
        var rows = await ListAsync(
            sql.ToString(),
            static (r, _) => (Detector: DetectorRecord.NameOf(r.GetString(0), r.GetString(1)), Classification: r.GetString(2), Count: Convert.ToInt32(r.GetValue(3), CultureInfo.InvariantCulture)),
            cancellationToken,
            parameters);
        return rows
            .GroupBy(row => row.Detector, StringComparer.Ordinal)
            .Select(group => new DetectorRecord
            {
                Detector = group.Key,
                TruePositives = group.Where(r => r.Classification == "true_positive").Sum(r => r.Count),
                BenignPositives = group.Where(r => r.Classification == "benign_positive").Sum(r => r.Count),
                FalsePositives = group.Where(r => r.Classification == "false_positive").Sum(r => r.Count),
            })
            .OrderBy(d => d.Detector, StringComparer.Ordinal)
            .ToArray();
    }

    public async Task<IReadOnlyList<PriorCase>> FindPriorCasesAsync(string caseId, int limit, CancellationToken cancellationToken)
    {
        var rows = await ListAsync(
            $"SELECT c.id, c.title, c.classification, c.closed_at, mine.entity_key FROM {VigilTables.CaseEntities} mine"
            + $" JOIN {VigilTables.CaseEntities} other ON other.entity_key = mine.entity_key AND other.case_id <> mine.case_id"
            + $" JOIN {VigilTables.Cases} c ON c.id = other.case_id"
            + $" WHERE mine.case_id = @case_id AND {DecidedClosed}"
            + $" ORDER BY c.closed_at DESC, c.id, mine.entity_key LIMIT {MaxPriorRows}",
            static (r, engine) => (Id: r.GetString(0), Title: r.GetString(1), Classification: r.GetString(2), ClosedAt: engine.ReadTime(r, 3), Entity: r.GetString(4)),
            cancellationToken,
            ("@case_id", caseId));
        var priors = new List<PriorCase>();
        foreach (var group in rows.GroupBy(r => r.Id, StringComparer.Ordinal))
        {
            if (priors.Count == limit)
            {
                break;
            }

            var first = group.First();
            if (CaseNames.TryParseClassification(first.Classification, out var classification))
            {
                priors.Add(new PriorCase
                {
                    CaseId = first.Id,
                    Title = first.Title,
                    Classification = classification,
                    ClosedAt = first.ClosedAt,
                    SharedEntities = group.Select(r => r.Entity).Distinct(StringComparer.Ordinal).ToArray(),
                });
            }
        }

        return priors;
    }
}
