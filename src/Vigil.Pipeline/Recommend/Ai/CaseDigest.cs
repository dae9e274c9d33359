using System.Text.Json.Nodes;
using Vigil.Domain;
using Vigil.Domain.Actions;

namespace Vigil.Pipeline.Recommend.Ai;

/// <summary>
/// The structured, size-bounded view of a case a language model gets. Alert content goes in as JSON string values
/// under <c>untrusted_content</c> (quoted data, escaped by the serializer), cut to a fixed length per alert; the
/// whole digest is bounded so a case with thousands of alerts costs the same as one with twenty.
/// </summary>
public static class CaseDigest
{
    public const int MaxAlerts = 25;
    public const int MaxContentChars = 1_500;
    public const int MaxEnrichments = 40;
    public const int MaxPriorCases = 10;

    public static JsonObject Build(CaseDossier dossier, AnalystOpinion builtIn, ActionCatalogue catalogue)
    {
        var alerts = new JsonArray();
        foreach (var alert in dossier.Alerts.OrderByDescending(a => (int)a.Severity).ThenBy(a => a.Id, StringComparer.Ordinal).Take(MaxAlerts))
        {
            var content = InjectionScanner.TextOf(alert);
            alerts.Add(new JsonObject
            {
                ["evidence_id"] = alert.Id,
                ["source"] = alert.Source,
                ["severity"] = alert.Severity.ToWire(),
                ["occurred_at"] = alert.OccurredAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
                ["attack_tags"] = new JsonArray(alert.Tags.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
                ["entities"] = new JsonArray(alert.Entities.Select(e => (JsonNode?)JsonValue.Create(e.Key)).ToArray()),
                ["untrusted_content"] = content.Length > MaxContentChars ? content[..MaxContentChars] + " [truncated]" : content,
            });
        }

        var enrichments = new JsonArray();
        foreach (var result in dossier.Enrichments.Take(MaxEnrichments))
        {
            var attributes = new JsonObject();
            foreach (var (key, value) in result.Attributes.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                attributes[key] = value.Length > 200 ? value[..200] : value;
            }

            enrichments.Add(new JsonObject
            {
                ["evidence_id"] = result.Id,
                ["source"] = result.Source,
                ["entity"] = result.EntityKey,
                ["status"] = result.Status.ToString().ToLowerInvariant(),
                ["verdict"] = result.Verdict,
                ["score"] = result.Score,
                ["attributes"] = attributes,
            });
        }

        return new JsonObject
        {
            ["case_id"] = dossier.Case.Id,
            ["alert_count"] = dossier.Alerts.Count,
            ["alerts_shown"] = alerts.Count,
            ["alerts"] = alerts,
            ["enrichments"] = enrichments,
            ["prior_cases"] = new JsonArray(dossier.PriorCases.Take(MaxPriorCases).Select(p => (JsonNode?)new JsonObject
            {
                ["evidence_id"] = p.CaseId,
                ["classification"] = p.Classification.ToString(),
                ["shared_entities"] = new JsonArray(p.SharedEntities.Select(s => (JsonNode?)JsonValue.Create(s)).ToArray()),
            }).ToArray()),
            ["builtin_assessment"] = new JsonObject
            {
                ["severity"] = builtIn.Severity.ToWire(),
                ["disposition"] = builtIn.Disposition.ToWire(),
                ["true_positive_probability"] = builtIn.TruePositiveProbability,
                ["features"] = new JsonArray(builtIn.Features.Where(f => f.Contribution != 0).Select(f => (JsonNode?)new JsonObject
                {
                    ["name"] = f.Name,
                    ["contribution"] = f.Contribution,
                    ["explanation"] = f.Explanation,
                }).ToArray()),
            },
            ["action_catalogue"] = new JsonArray(catalogue.Actions.OrderBy(a => a.Type, StringComparer.Ordinal).Select(a => (JsonNode?)new JsonObject
            {
                ["type"] = a.Type,
                ["title"] = a.Title,
                ["inputs"] = new JsonArray(a.RequiredInputs.Select(i => (JsonNode?)JsonValue.Create(i)).ToArray()),
            }).ToArray()),
        };
    }
}
