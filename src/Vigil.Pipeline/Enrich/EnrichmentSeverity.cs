using Vigil.Domain;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Enrich.Sources.Local;

namespace Vigil.Pipeline.Enrich;

/// <summary>
/// Moves a case's severity from its alerts' severity by what enrichment found. Starting again from the alerts each
/// time (never from the case's current value) keeps a re-run from compounding its own raises.
/// <list type="bullet">
/// <item>a malicious threat-intel or reputation verdict: at least high;</item>
/// <item>a critical asset, or a privileged identity, or unexplained impossible travel: one step up each (to critical at most);</item>
/// <item>a malicious verdict on a critical asset: critical;</item>
/// <item>nothing of the above and every known asset low-criticality outside production: one step down (to low at least).</item>
/// </list>
/// </summary>
public static class EnrichmentSeverity
{
    public static SeverityDecision Assess(Severity baseline, IEnumerable<EnrichmentResult> results)
    {
        var found = results.Where(r => r.Status == EnrichmentStatus.Found).ToArray();
        var reasons = new List<string>();
        var severity = baseline;

        var malicious = found.Where(r => r.Verdict == "malicious" && r.Source != GeoVelocityCheck.SourceName).ToArray();
        var assets = found.Where(r => r.Source == AssetSource.SourceName).ToArray();
        var critical = assets.Where(r => Attribute(r, "criticality") == "critical").Select(Host).Distinct(StringComparer.Ordinal).ToArray();
        var privileged = found.Where(r => r.Source == IdentitySource.SourceName && Attribute(r, "privileged") == "true")
            .Select(r => Attribute(r, "user") ?? r.EntityValue).Distinct(StringComparer.Ordinal).ToArray();
        var travel = found.Where(r => r.Source == GeoVelocityCheck.SourceName && r.Verdict == "suspicious").ToArray();

        foreach (var host in critical)
        {
            severity = Raise(severity, 1);
            reasons.Add($"raised: {host} is a critical asset");
        }

        foreach (var user in privileged)
        {
            severity = Raise(severity, 1);
            reasons.Add($"raised: {user} is a privileged identity");
        }

        foreach (var move in travel)
        {
            severity = Raise(severity, 1);
            reasons.Add($"raised: {Attribute(move, "reason") ?? "impossible travel for " + move.EntityValue}");
        }

        foreach (var hit in malicious)
        {
            var floor = critical.Length > 0 ? Severity.Critical : Severity.High;
            if (severity < floor)
            {
                severity = floor;
            }

            reasons.Add($"raised: {hit.EntityType.ToWire()} {hit.EntityValue} is malicious per {hit.Source}"
                + (hit.Score is { } score ? $" (score {score})" : string.Empty)
                + (Attribute(hit, "reason") is { } why ? $": {why}" : string.Empty));
        }

        var lowStakes = assets.Length > 0 && reasons.Count == 0
            && assets.All(r => Attribute(r, "criticality") == "low" && Attribute(r, "environment") is not null and not "production");
        if (lowStakes && severity > Severity.Low)
        {
            severity -= 1;
            reasons.Add($"lowered: only low-stakes assets ({string.Join(", ", assets.Select(a => $"{Host(a)}: low criticality, {Attribute(a, "environment")}").Distinct(StringComparer.Ordinal))})");
        }

        return new SeverityDecision(severity, reasons);
    }

    private static Severity Raise(Severity severity, int steps) => (Severity)Math.Min((int)Severity.Critical, (int)severity + steps);

    private static string Host(EnrichmentResult asset) => Attribute(asset, "host") ?? asset.EntityValue;

    private static string? Attribute(EnrichmentResult result, string name) => result.Attributes.GetValueOrDefault(name);
}
