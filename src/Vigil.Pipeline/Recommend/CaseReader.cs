using Vigil.Detection.Attack;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Pipeline.Recommend;

/// <summary>Turns a dossier into a <see cref="CaseReading"/>. Pure: the same dossier and time give the same reading.</summary>
public static class CaseReader
{
    private static readonly string[] Malicious = ["malicious", "suspicious"];

    public static CaseReading Read(CaseDossier dossier, DateTimeOffset now, AttackCatalog? attack = null)
    {
        attack ??= AttackCatalog.Enterprise;
        var techniques = new Dictionary<string, (AttackTechnique Technique, List<string> AlertIds)>(StringComparer.Ordinal);
        var tactics = new Dictionary<string, AttackTactic>(StringComparer.Ordinal);
        foreach (var alert in dossier.Alerts)
        {
            foreach (var tag in attack.ResolveTags(alert.Tags))
            {
                if (tag.Technique is { } technique)
                {
                    if (!techniques.TryGetValue(technique.Id, out var entry))
                    {
                        entry = (technique, []);
                        techniques.Add(technique.Id, entry);
                    }

                    if (!entry.AlertIds.Contains(alert.Id))
                    {
                        entry.AlertIds.Add(alert.Id);
                    }

                    foreach (var tactic in technique.Tactics)
                    {
                        tactics.TryAdd(tactic.Id, tactic);
                    }
                }
                else if (tag.Tactic is { } tactic)
                {
                    tactics.TryAdd(tactic.Id, tactic);
                }
            }
        }

        var ordered = attack.OrderByKillChain(techniques.Values.Select(v => (v.Technique, (IReadOnlyList<string>)v.AlertIds)), v => v.Technique.Id);
        var strongest = dossier.Alerts.Count == 0 ? null : dossier.Alerts.MaxBy(a => (int)a.Severity);
        return new CaseReading
        {
            Dossier = dossier,
            Techniques = ordered,
            Tactics = tactics.Values.OrderBy(t => t.KillChainOrder).ToArray(),
            Sources = dossier.Alerts.Select(a => a.Source).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToArray(),
            Strongest = strongest,
            Hosts = Subjects(dossier, EntityType.Host),
            Identities = Subjects(dossier, EntityType.User),
            IntelHits = dossier.Enrichments
                .Where(e => e.Status == EnrichmentStatus.Found && e.Verdict is { } v && Malicious.Contains(v, StringComparer.OrdinalIgnoreCase))
                .ToArray(),
            Travel = dossier.Enrichments.Where(e => e.Status == EnrichmentStatus.Found
                && (e.Attribute(EvidenceAttributes.VelocityKmh) is not null || e.Attribute(EvidenceAttributes.Impossible) is not null)).ToArray(),
            Sanctions = dossier.Enrichments.Where(e => e.Status == EnrichmentStatus.Found && e.Attribute(EvidenceAttributes.SanctionedBy) is not null).ToArray(),
            Failed = dossier.Enrichments.Where(e => e.Status == EnrichmentStatus.Failed).ToArray(),
            Stale = dossier.Enrichments.Where(e => e.Status == EnrichmentStatus.Found && e.IsStale(now)).ToArray(),
            Injections = InjectionScanner.Scan(dossier.Alerts),
        };
    }

    /// <summary>"OS Credential Dumping: LSASS Memory" for a sub-technique, the plain name otherwise.</summary>
    public static string DisplayName(AttackTechnique technique, AttackCatalog? attack = null) =>
        (attack ?? AttackCatalog.Enterprise).ParentOf(technique) is { } parent ? $"{parent.Name}: {technique.Name}" : technique.Name;

    private static SubjectContext[] Subjects(CaseDossier dossier, EntityType type)
    {
        var entities = dossier.Entities.Where(e => e.Type == type)
            .Concat(dossier.Alerts.SelectMany(a => a.Entities).Where(e => e.Type == type))
            .DistinctBy(e => e.Key)
            .ToArray();
        var subjects = new SubjectContext[entities.Length];
        for (var i = 0; i < entities.Length; i++)
        {
            var entity = entities[i];
            var results = dossier.Enrichments.Where(e => e.Status == EnrichmentStatus.Found && e.EntityKey == entity.Key).ToArray();
            subjects[i] = new SubjectContext
            {
                Entity = entity,
                Role = First(results, EvidenceAttributes.Role),
                Owner = First(results, EvidenceAttributes.Owner),
                Criticality = First(results, EvidenceAttributes.Criticality)?.ToLowerInvariant(),
                Exposure = First(results, EvidenceAttributes.Exposure)?.ToLowerInvariant(),
                Environment = First(results, EvidenceAttributes.Environment)?.ToLowerInvariant(),
                Privileged = First(results, EvidenceAttributes.Privileged) is { } p ? string.Equals(p, "true", StringComparison.OrdinalIgnoreCase) : null,
                Users = List(results, EvidenceAttributes.Users),
                Dependencies = List(results, EvidenceAttributes.Dependencies),
                KnownExploited = First(results, EvidenceAttributes.KnownExploited),
                EvidenceIds = results.Where(r => r.Attributes.Count > 0).Select(r => r.Id).ToArray(),
                AlertIds = dossier.Alerts.Where(a => a.Entities.Any(e => e.Key == entity.Key)).Select(a => a.Id).ToArray(),
            };
        }

        return subjects;
    }

    private static string? First(EnrichmentEvidence[] results, string key)
    {
        foreach (var result in results)
        {
            if (result.Attribute(key) is { } value)
            {
                return value;
            }
        }

        return null;
    }

    private static string[] List(EnrichmentEvidence[] results, string key) =>
        results.Select(r => r.Attribute(key))
            .Where(v => v is not null)
            .SelectMany(v => v!.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToArray();
}
