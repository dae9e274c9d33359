using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Pipeline.Recommend.Evaluation;

/// <summary>
/// Reads labelled scenarios (JSON: <c>{"scenarios": [...]}</c>, see <c>content/eval/README.md</c>) into dossiers. Ids
/// are derived from the scenario and the item's ref, so a scenario always yields the same ids and digests; every
/// problem names the scenario and the field.
/// </summary>
public static class ScenarioLoader
{
    public static readonly DateTimeOffset Clock = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public const string ResourceName = "Vigil.Content.Eval.scenarios.json";

    /// <summary>The shipped labelled set (content/eval/scenarios.json).</summary>
    public static IReadOnlyList<Scenario> LoadDefault()
    {
        using var stream = typeof(ScenarioLoader).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"embedded resource {ResourceName} is missing");
        using var reader = new StreamReader(stream);
        return Load(reader.ReadToEnd(), "scenarios.json");
    }

    public static IReadOnlyList<Scenario> Load(string json, string fileName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"{fileName}: {ex.Message}", ex);
        }

        if (root?["scenarios"] is not JsonArray items)
        {
            throw new InvalidDataException($"{fileName}: expected an object with a 'scenarios' array");
        }

        var scenarios = new List<Scenario>();
        foreach (var item in items)
        {
            var id = Text(item, "id", fileName, "?");
            scenarios.Add(Read(item as JsonObject ?? throw new InvalidDataException($"{fileName}: each scenario must be an object"), id, $"{fileName}: scenario {id}"));
        }

        var duplicate = scenarios.GroupBy(s => s.Id).FirstOrDefault(g => g.Count() > 1);
        return duplicate is null ? scenarios : throw new InvalidDataException($"{fileName}: scenario id {duplicate.Key} is used twice");
    }

    /// <summary>A stable id for a ref inside a scenario: prefix_ and 32 hex digits, shaped like Vigil's own ids.</summary>
    public static string IdFor(string prefix, string scenario, string reference) =>
        string.Concat(prefix, "_", Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{scenario}/{reference}")))[..32]);

    private static Scenario Read(JsonObject item, string id, string where)
    {
        var expected = item["expected"] as JsonObject ?? throw new InvalidDataException($"{where}: 'expected' is required");
        if (!SeverityNames.TryParse(Text(expected, "severity", where), out var severity))
        {
            throw new InvalidDataException($"{where}: expected.severity is not a severity");
        }

        if (!DispositionNames.TryParse(Text(expected, "disposition", where), out var disposition))
        {
            throw new InvalidDataException($"{where}: expected.disposition must be true_positive, benign_positive or false_positive");
        }

        var caseId = IdFor(Ids.Case, id, "case");
        var alerts = Array(item, "alerts").Select((a, i) => ReadAlert(a, id, caseId, $"{where}: alerts[{i}]")).ToArray();
        if (alerts.Length == 0)
        {
            throw new InvalidDataException($"{where}: a scenario needs at least one alert");
        }

        var enrichments = Array(item, "enrichments").Select((e, i) => ReadEnrichment(e, id, $"{where}: enrichments[{i}]")).ToArray();
        var priors = Array(item, "prior_cases").Select((p, i) => ReadPrior(p, id, $"{where}: prior_cases[{i}]")).ToArray();
        var detectors = Array(item, "detectors").Select((d, i) => new DetectorRecord
        {
            Detector = Text(d, "detector", $"{where}: detectors[{i}]"),
            TruePositives = Int(d, "true_positives"),
            BenignPositives = Int(d, "benign_positives"),
            FalsePositives = Int(d, "false_positives"),
        }).ToArray();
        var opened = alerts.Min(a => a.ReceivedAt);
        var @case = new Case
        {
            Id = caseId,
            Title = Text(item, "description", where),
            State = CaseState.Correlated,
            SeverityAtOpen = alerts.Max(a => a.Severity),
            Severity = alerts.Max(a => a.Severity),
            OpenedAt = opened,
            UpdatedAt = opened,
            SlaDueAt = SlaPolicy.Default.DueAt(alerts.Max(a => a.Severity), opened),
            AlertCount = alerts.Length,
        };
        return new Scenario
        {
            Id = id,
            Description = Text(item, "description", where),
            Provenance = Text(item, "provenance", where),
            ExpectedSeverity = severity,
            ExpectedDisposition = disposition,
            Dossier = new CaseDossier
            {
                Case = @case,
                Alerts = alerts,
                Entities = alerts.SelectMany(a => a.Entities).DistinctBy(e => e.Key).ToArray(),
                Enrichments = enrichments,
                PriorCases = priors,
                Detectors = detectors,
            },
        };
    }

    private static Alert ReadAlert(JsonNode? node, string scenario, string caseId, string where)
    {
        var reference = Text(node, "ref", where);
        var source = Text(node, "source", where);
        if (!SeverityNames.TryParse(Text(node, "severity", where), out var severity))
        {
            throw new InvalidDataException($"{where}: severity is not a severity");
        }

        var at = Clock.AddMinutes(-Int(node, "minutes_ago"));
        var entities = Array(node, "entities").Select((e, i) =>
        {
            var type = Text(e, "type", $"{where}.entities[{i}]");
            var value = Text(e, "value", $"{where}.entities[{i}]");
            return EntityTypeNames.TryParse(type, out var entityType) && Entity.TryCreate(entityType, value, out var entity)
                ? entity
                : throw new InvalidDataException($"{where}.entities[{i}]: '{type}:{value}' is not a valid entity");
        }).ToArray();
        var raw = node?["raw"]?.ToJsonString() ?? "{}";
        return new Alert
        {
            Id = IdFor(Ids.Alert, scenario, reference),
            Source = source,
            SourceRef = reference,
            Title = Text(node, "title", where),
            Description = node?["description"]?.GetValue<string>(),
            Severity = severity,
            OccurredAt = at,
            ReceivedAt = at,
            Fingerprint = AlertFingerprint.Compute(source, $"{scenario}/{reference}"),
            RawPayload = raw,
            Entities = entities,
            Tags = Array(node, "tags").Select(t => t!.GetValue<string>()).ToArray(),
            FirstSeen = at,
            LastSeen = at,
            CaseId = caseId,
        };
    }

    private static EnrichmentEvidence ReadEnrichment(JsonNode? node, string scenario, string where)
    {
        var status = Text(node, "status", where) switch
        {
            "found" => EnrichmentStatus.Found,
            "not_found" => EnrichmentStatus.NotFound,
            "failed" => EnrichmentStatus.Failed,
            var other => throw new InvalidDataException($"{where}: status '{other}' is not found, not_found or failed"),
        };
        var entity = Text(node, "entity", where);
        var colon = entity.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || !EntityTypeNames.TryParse(entity[..colon], out var type) || !Entity.TryCreate(type, entity[(colon + 1)..], out var parsed))
        {
            throw new InvalidDataException($"{where}: entity '{entity}' is not type:value");
        }

        var attributes = (node?["attributes"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value?.ToString() ?? string.Empty, StringComparer.Ordinal)
            ?? new Dictionary<string, string>(StringComparer.Ordinal);
        var validHours = node?["valid_hours"]?.GetValue<int>();
        return new EnrichmentEvidence(IdFor("enr", scenario, Text(node, "ref", where)), new EnrichmentResult
        {
            Source = Text(node, "source", where),
            EntityType = parsed.Type,
            EntityValue = parsed.Value,
            Status = status,
            FetchedAt = Clock.AddHours(-Int(node, "age_hours")),
            Verdict = node?["verdict"]?.GetValue<string>(),
            Score = node?["score"]?.GetValue<int>(),
            Attributes = attributes,
            Error = node?["error"]?.GetValue<string>(),
            ValidFor = validHours is { } hours ? TimeSpan.FromHours(hours) : null,
        });
    }

    private static PriorCase ReadPrior(JsonNode? node, string scenario, string where) => new()
    {
        CaseId = IdFor(Ids.Case, scenario, Text(node, "ref", where)),
        Title = Text(node, "title", where),
        Classification = CaseNames.TryParseClassification(Text(node, "classification", where), out var c)
            ? c
            : throw new InvalidDataException($"{where}: classification is not a classification"),
        ClosedAt = Clock.AddDays(-Int(node, "days_ago")),
        SharedEntities = Array(node, "shared").Select(s => s!.GetValue<string>()).ToArray(),
    };

    private static JsonArray Array(JsonNode? node, string name) => node?[name] as JsonArray ?? [];

    private static string Text(JsonNode? node, string name, string where, string? fallback = null) =>
        node?[name] is JsonValue value && value.TryGetValue<string>(out var text) && !string.IsNullOrWhiteSpace(text)
            ? text
            : fallback ?? throw new InvalidDataException($"{where}: '{name}' is required");

    private static int Int(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.TryGetValue<int>(out var number) ? number : 0;
}
