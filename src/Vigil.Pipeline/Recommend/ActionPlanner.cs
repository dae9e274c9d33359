using System.Text.Json;
using Vigil.Domain.Actions;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// Proposes catalogue actions for a likely true positive, each with its predicted blast radius and the evidence it
/// rests on. Only types the loaded catalogue defines, with every input it requires filled from entities on the
/// case, are ever proposed; a benign or false-positive reading proposes nothing disruptive.
/// </summary>
public static class ActionPlanner
{
    private static readonly string[] HostTactics = ["execution", "persistence", "privilege-escalation", "credential-access", "lateral-movement", "command-and-control", "impact", "exfiltration"];
    private static readonly string[] MessageIdFields = ["message_id", "internet_message_id", "messageid", "internetmessageid"];

    public static IReadOnlyList<ProposedAction> Plan(CaseReading reading, Disposition disposition, string headline, ActionCatalogue catalogue)
    {
        if (disposition != Disposition.TruePositive)
        {
            return [];
        }

        var proposals = new List<ProposedAction>();
        var tactics = reading.Tactics.Select(t => t.ShortName).ToHashSet(StringComparer.Ordinal);
        var hostActivity = tactics.Overlaps(HostTactics);
        if (hostActivity)
        {
            foreach (var host in reading.Hosts.Where(h => h.AlertIds.Count > 0).OrderByDescending(h => FeatureExtractor.CriticalityValue(h.Criticality)).Take(2))
            {
                Add(proposals, reading, catalogue, "host.isolate", new() { ["host"] = host.Entity.Value }, $"contain {HypothesisWriter.Describe(host)} while the activity is investigated", HostImpact(host), host.AlertIds);
            }
        }

        var unexplainedTravel = reading.Travel.Where(t => !t.ExplainedTravel && t.Attribute(EvidenceAttributes.Impossible) != "false").ToArray();
        foreach (var identity in reading.Identities.Where(i => i.AlertIds.Count > 0))
        {
            if (unexplainedTravel.Length > 0)
            {
                Add(proposals, reading, catalogue, "token.revoke", new() { ["user"] = identity.Entity.Value }, "end the sessions of an account signing in from impossible locations", UserImpact(identity), [.. identity.AlertIds, .. unexplainedTravel.Select(t => t.Id)]);
            }

            if (tactics.Contains("credential-access") || (identity.Privileged == true && hostActivity))
            {
                Add(proposals, reading, catalogue, "account.disable", new() { ["user"] = identity.Entity.Value }, "stop a possibly compromised account from being used further", UserImpact(identity), identity.AlertIds);
            }
        }

        foreach (var hit in reading.IntelHits.Where(h => IsBlockable(h.EntityKey)))
        {
            var value = hit.EntityKey[(hit.EntityKey.IndexOf(':', StringComparison.Ordinal) + 1)..];
            Add(proposals, reading, catalogue, "indicator.block", new() { ["indicator"] = value }, $"block an indicator listed as {hit.Verdict} by {hit.Source}", IndicatorImpact(value, hit), [hit.Id]);
        }

        if (reading.Techniques.Any(t => t.Technique.Id.StartsWith("T1566", StringComparison.Ordinal)))
        {
            foreach (var alert in reading.Dossier.Alerts)
            {
                if (MessageId(alert.RawPayload) is { } messageId)
                {
                    Add(proposals, reading, catalogue, "mail.purge", new() { ["message_id"] = messageId }, "remove the reported message from every mailbox", new PredictedImpact
                    {
                        Target = messageId,
                        Summary = "moves the message out of every mailbox that received it; restorable with mail.restore",
                    }, [alert.Id]);
                }
            }
        }

        var keys = AllEntities(reading).Where(e => e.Type == EntityType.ApiToken).ToArray();
        var owner = reading.Identities.FirstOrDefault()?.Entity.Value ?? AllEntities(reading).FirstOrDefault(e => e.Type == EntityType.CloudAccount)?.Value;
        if (owner is not null)
        {
            foreach (var key in keys)
            {
                var alertIds = reading.Dossier.Alerts.Where(a => a.Entities.Contains(key)).Select(a => a.Id).ToArray();
                var production = reading.Hosts.Any(h => h.IsProduction) ? true : (bool?)null;
                Add(proposals, reading, catalogue, "cloud.key.deactivate", new() { ["access_key_id"] = key.Value, ["user"] = owner }, "stop a cloud access key that is being misused", new PredictedImpact
                {
                    Target = key.Value,
                    UsersAffected = [owner],
                    Production = production,
                    Summary = $"every workload or person authenticating with {key.Value} ({owner}) stops working until it is reactivated",
                }, alertIds);
            }
        }

        if (proposals.Count > 0 || reading.Dossier.Alerts.Count > 0)
        {
            Add(proposals, reading, catalogue, "ticket.create", new() { ["summary"] = headline }, "track the response", new PredictedImpact { Target = "ticket queue", Summary = "creates work for the queue; disrupts nothing" }, reading.Dossier.Alerts.Take(1).Select(a => a.Id).ToArray());
        }

        return proposals;
    }

    private static void Add(List<ProposedAction> proposals, CaseReading reading, ActionCatalogue catalogue, string type, Dictionary<string, string> inputs, string rationale, PredictedImpact impact, IReadOnlyList<string> evidence)
    {
        if (!catalogue.TryGet(type, out var definition) || definition.RequiredInputs.Any(i => !inputs.ContainsKey(i))
            || proposals.Any(p => p.Type == type && p.Inputs.SequenceEqual(inputs)))
        {
            return;
        }

        proposals.Add(new ProposedAction
        {
            Type = type,
            Title = definition.Title,
            Inputs = inputs,
            Rationale = rationale,
            BlastRadius = definition.BlastRadius,
            RequiredApprovals = definition.RequiredApprovals,
            Impact = impact,
            RequiredEvidence = definition.RequiredEvidence,
            RequiredEvidencePresent = definition.RequiredEvidence.All(kind => Holds(reading, kind, evidence)),
            EvidenceIds = evidence.Distinct(StringComparer.Ordinal).ToArray(),
            Rollback = definition.Rollback,
        });
    }

    /// <summary>"alert" is met by a cited alert; any other kind names a source whose alert or result the case must hold.</summary>
    private static bool Holds(CaseReading reading, string kind, IReadOnlyList<string> evidence) =>
        kind == "alert"
            ? reading.Dossier.Alerts.Any(a => evidence.Contains(a.Id))
            : reading.Dossier.Alerts.Any(a => string.Equals(a.Source, kind, StringComparison.OrdinalIgnoreCase))
                || reading.Dossier.Enrichments.Any(e => string.Equals(e.Source, kind, StringComparison.OrdinalIgnoreCase));

    public static PredictedImpact HostImpact(SubjectContext host) => new()
    {
        Target = host.Entity.Value,
        Role = host.Role,
        UsersAffected = host.Users,
        ServiceDependencies = host.Dependencies,
        Production = host.Environment is null ? null : host.IsProduction,
        Summary = $"cuts {HypothesisWriter.Describe(host)} off the network"
            + (host.Users.Count > 0 ? $"; {host.Users.Count} user(s) lose it ({string.Join(", ", host.Users)})" : string.Empty)
            + (host.Dependencies.Count > 0 ? $"; dependent services: {string.Join(", ", host.Dependencies)}" : string.Empty)
            + (host.Environment is null ? "; environment unknown" : host.IsProduction ? "; production" : "; not production"),
        EvidenceIds = host.EvidenceIds,
    };

    public static PredictedImpact UserImpact(SubjectContext identity) => new()
    {
        Target = identity.Entity.Value,
        Role = identity.Role,
        UsersAffected = [identity.Entity.Value],
        Summary = $"{identity.Entity.Value}{(identity.Role is null ? string.Empty : $" ({identity.Role})")} loses access until reversed"
            + (identity.Privileged == true ? "; administrative tasks they run stop" : string.Empty),
        EvidenceIds = identity.EvidenceIds,
    };

    private static PredictedImpact IndicatorImpact(string value, EnrichmentEvidence hit) => new()
    {
        Target = value,
        Summary = $"traffic to {value} is refused for every system behind the blocklist; anything legitimate on it breaks too",
        EvidenceIds = [hit.Id],
    };

    private static bool IsBlockable(string entityKey) =>
        entityKey.StartsWith("ip:", StringComparison.Ordinal) || entityKey.StartsWith("domain:", StringComparison.Ordinal)
        || entityKey.StartsWith("url:", StringComparison.Ordinal) || entityKey.StartsWith("file_hash:", StringComparison.Ordinal);

    private static IEnumerable<Entity> AllEntities(CaseReading reading) =>
        reading.Dossier.Entities.Concat(reading.Dossier.Alerts.SelectMany(a => a.Entities)).DistinctBy(e => e.Key);

    /// <summary>The reported message's id from a mail alert's payload, wherever the reporter's format puts it.</summary>
    internal static string? MessageId(string raw)
    {
        try
        {
            using var document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = 32 });
            return Find(document.RootElement, 0);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Find(JsonElement element, int depth)
    {
        if (depth > 6 || element.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        foreach (var property in element.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String && MessageIdFields.Contains(property.Name.ToLowerInvariant()))
            {
                return property.Value.GetString();
            }

            if (Find(property.Value, depth + 1) is { } nested)
            {
                return nested;
            }
        }

        return null;
    }
}
