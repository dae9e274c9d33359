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

        // What the enrichment sources themselves reported as unknown (asset without owner, no identity record, …).
        foreach (var result in reading.Dossier.Enrichments)
        {
            foreach (var gap in result.Result.Missing)
            {
                if (!missing.Any(m => m.What == gap))
                {
                    missing.Add(new MissingContext { What = gap, WouldChange = WhatItWouldChange(gap), Subject = result.Id });
                }
            }
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
            if (!host.IsKnown && !missing.Any(m => m.What.Contains(host.Entity.Value, StringComparison.OrdinalIgnoreCase)))
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

    private static string WhatItWouldChange(string gap) => gap switch
    {
        _ when gap.Contains("owner", StringComparison.OrdinalIgnoreCase) => "nobody can confirm the activity or be told before containment",
        _ when gap.Contains("criticality", StringComparison.OrdinalIgnoreCase) => "criticality would raise or lower the severity",
        _ when gap.Contains("environment", StringComparison.OrdinalIgnoreCase) => "whether containment disrupts production is unknown",
        _ when gap.Contains("privilege", StringComparison.OrdinalIgnoreCase) => "a privileged account would raise the severity and favour disabling it",
        _ when gap.Contains("travel", StringComparison.OrdinalIgnoreCase) => "a recorded trip could explain the sign-in location",
        _ when gap.Contains("asset record", StringComparison.OrdinalIgnoreCase) => "criticality and environment would set the severity and the blast radius of containment",
        _ when gap.Contains("identity record", StringComparison.OrdinalIgnoreCase) => "privilege and role would set the severity and the impact of disabling the account",
        _ => "the analyst would know more about the entity, and the confidence would move",
    };
}
