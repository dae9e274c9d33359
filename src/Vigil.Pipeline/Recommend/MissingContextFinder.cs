using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Ranges;

namespace Vigil.Pipeline.Recommend;

/// <summary>Lists what the analyst could not know, and what knowing it would change.</summary>
public static class MissingContextFinder
{
    public static IReadOnlyList<MissingContext> Find(CaseReading reading)
    {
        var missing = new List<MissingContext>();
        foreach (var failed in reading.Failed)
        {
            missing.Add(new MissingContext
            {
                What = $"{failed.Source} lookup for {failed.EntityKey} failed: {failed.Error ?? "no reason given"}",
                WouldChange = "its answer could confirm or clear the entity and move the confidence",
                Subject = failed.Id,
            });
        }

        foreach (var stale in reading.Stale)
        {
            missing.Add(new MissingContext
            {
                What = $"{stale.Source} result for {stale.EntityKey} is stale (fetched {stale.FetchedAt:u})",
                WouldChange = "a fresh lookup may no longer list it; the intel feature would drop",
                Subject = stale.Id,
            });
        }

        foreach (var host in reading.Hosts)
        {
            if (!host.IsKnown)
            {
                missing.Add(new MissingContext
                {
                    What = $"no asset record for host {host.Entity.Value}",
                    WouldChange = "criticality and environment would set the severity, and the blast radius of containing it could be predicted",
                    Subject = host.Entity.Key,
                });
                continue;
            }

            if (host.Owner is null)
            {
                missing.Add(new MissingContext { What = $"asset {host.Entity.Value} has no owner", WouldChange = "nobody can confirm the activity or be told before containment", Subject = host.Entity.Key });
            }

            if (host.Environment is null)
            {
                missing.Add(new MissingContext { What = $"asset {host.Entity.Value} has no environment", WouldChange = "whether containment disrupts production is unknown", Subject = host.Entity.Key });
            }
        }

        foreach (var identity in reading.Identities.Where(i => i.Privileged is null))
        {
            missing.Add(new MissingContext
            {
                What = $"privilege of {identity.Entity.Value} is unknown",
                WouldChange = "a privileged account would raise the severity and favour disabling it",
                Subject = identity.Entity.Key,
            });
        }

        var looked = reading.Dossier.Enrichments.Select(e => e.EntityKey).ToHashSet(StringComparer.Ordinal);
        foreach (var ip in reading.Dossier.Entities.Concat(reading.Dossier.Alerts.SelectMany(a => a.Entities)).Where(e => e.Type == EntityType.Ip).DistinctBy(e => e.Key))
        {
            if (!looked.Contains(ip.Key) && AddressClassifier.TryClassify(ip.Value, out var kind) && kind.IsGloballyReachable)
            {
                missing.Add(new MissingContext { What = $"no reputation lookup for {ip.Value}", WouldChange = "a malicious verdict would raise the likelihood and justify blocking it", Subject = ip.Key });
            }
        }

        if (reading.Dossier.Alerts.Count > 0 && reading.Techniques.Count == 0)
        {
            missing.Add(new MissingContext { What = "the alerts carry no ATT&CK technique", WouldChange = "tactic progression could not be assessed" });
        }

        if (!reading.Dossier.Detectors.Any(d => d.Total > 0))
        {
            missing.Add(new MissingContext { What = "no analyst decisions yet on closed cases from these detectors", WouldChange = "the detector's track record would move the confidence up or down" });
        }

        return missing;
    }
}
