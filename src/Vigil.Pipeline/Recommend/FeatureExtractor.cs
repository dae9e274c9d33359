using System.Globalization;
using Vigil.Domain;
using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// Scores each feature of a reading on −1…1 (positive: more likely a true positive) with the evidence behind it.
/// Every feature is always present, in <see cref="FeatureNames.All"/> order, so the vector is stable for learning.
/// </summary>
public static class FeatureExtractor
{
    private static readonly string[] HighImpactTactics = ["credential-access", "lateral-movement", "exfiltration", "impact"];

    public static IReadOnlyList<FeatureContribution> Extract(CaseReading reading) =>
    [
        DetectorQuality(reading),
        RuleLevel(reading),
        Corroboration(reading),
        TacticProgression(reading),
        AssetCriticality(reading),
        Exposure(reading),
        IdentityPrivilege(reading),
        ThreatIntel(reading),
        GeoVelocity(reading),
        PriorCases(reading),
        Sanctioned(reading),
    ];

    /// <summary>The values alone, in <see cref="FeatureNames.All"/> order: the disposition model's input.</summary>
    public static float[] Vector(IReadOnlyList<FeatureContribution> features)
    {
        var vector = new float[FeatureNames.All.Count];
        for (var i = 0; i < vector.Length; i++)
        {
            var name = FeatureNames.All[i];
            vector[i] = (float)(features.FirstOrDefault(f => f.Name == name)?.Value ?? 0);
        }

        return vector;
    }

    public static double CriticalityValue(string? criticality) => criticality switch
    {
        "critical" => 1,
        "high" => 0.7,
        "medium" => 0.35,
        "low" => 0,
        _ => 0,
    };

    public static double SeverityValue(Severity severity) => severity switch
    {
        Severity.Critical => 1,
        Severity.High => 0.6,
        Severity.Medium => 0.2,
        Severity.Low => -0.3,
        Severity.Informational => -0.6,
        _ => 0,
    };

    private static FeatureContribution Feature(string name, double value, string explanation, IEnumerable<string> evidence) => new()
    {
        Name = name,
        Value = Math.Round(Math.Clamp(value, -1, 1), 4),
        Weight = BuiltInWeights.Weights[name],
        Explanation = explanation,
        EvidenceIds = evidence.Distinct(StringComparer.Ordinal).ToArray(),
    };

    private static FeatureContribution DetectorQuality(CaseReading reading)
    {
        int tp = 0, total = 0;
        var names = new List<string>();
        var alerts = new List<string>();
        foreach (var alert in reading.Dossier.Alerts)
        {
            var name = DetectorRecord.NameOf(alert.Source, alert.Title);
            if (names.Contains(name))
            {
                continue;
            }

            names.Add(name);
            if (reading.Dossier.Detectors.FirstOrDefault(d => d.Detector == name) is { Total: > 0 } record)
            {
                tp += record.TruePositives;
                total += record.Total;
                alerts.Add(alert.Id);
            }
        }

        if (total == 0)
        {
            return Feature(FeatureNames.DetectorQuality, 0, "no analyst decisions on closed cases for these detectors yet", []);
        }

        // Laplace-smoothed precision: two decisions never make a detector perfect or worthless.
        var precision = (tp + 1.0) / (total + 2.0);
        return Feature(
            FeatureNames.DetectorQuality,
            (2 * precision) - 1,
            string.Create(CultureInfo.InvariantCulture, $"detectors were true positives in {tp} of {total} closed cases (smoothed precision {precision:0.00})"),
            alerts);
    }

    private static FeatureContribution RuleLevel(CaseReading reading)
    {
        if (reading.Strongest is not { } strongest)
        {
            return Feature(FeatureNames.RuleLevel, 0, "no alerts", []);
        }

        return Feature(FeatureNames.RuleLevel, SeverityValue(strongest.Severity), $"highest alert severity is {strongest.Severity.ToWire()}", [strongest.Id]);
    }

    private static FeatureContribution Corroboration(CaseReading reading)
    {
        var count = reading.Sources.Count;
        var value = count switch { <= 1 => 0, 2 => 0.6, _ => 1 };
        var evidence = reading.Sources.Select(s => reading.Dossier.Alerts.First(a => string.Equals(a.Source, s, StringComparison.OrdinalIgnoreCase)).Id);
        return Feature(
            FeatureNames.Corroboration,
            value,
            count <= 1 ? "one source only" : $"{count} independent sources: {string.Join(", ", reading.Sources)}",
            count <= 1 ? [] : evidence);
    }

    private static FeatureContribution TacticProgression(CaseReading reading)
    {
        var tactics = reading.Tactics;
        if (tactics.Count == 0)
        {
            return Feature(FeatureNames.TacticProgression, 0, "no ATT&CK techniques on the alerts", []);
        }

        var value = tactics.Count switch { 1 => 0.3, 2 => 0.6, _ => 1.0 };
        if (tactics.Any(t => HighImpactTactics.Contains(t.ShortName)))
        {
            value += 0.3;
        }

        return Feature(
            FeatureNames.TacticProgression,
            value,
            $"{tactics.Count} tactic(s) in kill-chain order: {string.Join(" → ", tactics.Select(t => t.Name))}",
            reading.Techniques.SelectMany(t => t.AlertIds));
    }

    private static FeatureContribution AssetCriticality(CaseReading reading)
    {
        var known = reading.Hosts.Where(h => h.Criticality is not null).ToArray();
        if (known.Length == 0)
        {
            return Feature(FeatureNames.AssetCriticality, 0, "no asset criticality known", []);
        }

        var top = known.MaxBy(h => CriticalityValue(h.Criticality))!;
        return Feature(FeatureNames.AssetCriticality, CriticalityValue(top.Criticality), $"{top.Entity.Value} is of {top.Criticality} criticality", top.EvidenceIds);
    }

    private static FeatureContribution Exposure(CaseReading reading)
    {
        var exposed = reading.Hosts.Where(h => h.Exposure is "internet_facing" or "internet-facing" or "external" or "public").ToArray();
        if (exposed.Length == 0)
        {
            return Feature(FeatureNames.Exposure, 0, reading.Hosts.Any(h => h.Exposure is not null) ? "assets are internal" : "exposure unknown", []);
        }

        var vulnerable = exposed.FirstOrDefault(h => h.KnownExploited is not null);
        return vulnerable is not null
            ? Feature(FeatureNames.Exposure, 1, $"{vulnerable.Entity.Value} is internet-facing with known-exploited {vulnerable.KnownExploited}", vulnerable.EvidenceIds)
            : Feature(FeatureNames.Exposure, 0.6, $"{exposed[0].Entity.Value} is internet-facing", exposed[0].EvidenceIds);
    }

    private static FeatureContribution IdentityPrivilege(CaseReading reading)
    {
        var privileged = reading.Identities.FirstOrDefault(i => i.Privileged == true);
        if (privileged is not null)
        {
            return Feature(FeatureNames.IdentityPrivilege, 1, $"{privileged.Entity.Value} holds administrative privilege", privileged.EvidenceIds);
        }

        return Feature(
            FeatureNames.IdentityPrivilege,
            0,
            reading.Identities.Any(i => i.Privileged == false) ? "identities involved are not privileged" : "identity privilege unknown",
            []);
    }

    private static FeatureContribution ThreatIntel(CaseReading reading)
    {
        if (reading.IntelHits.Count == 0)
        {
            var clean = reading.Dossier.Enrichments.Where(e => string.Equals(e.Verdict, "benign", StringComparison.OrdinalIgnoreCase)).ToArray();
            return clean.Length == 0
                ? Feature(FeatureNames.ThreatIntel, 0, "no threat-intel match", [])
                : Feature(FeatureNames.ThreatIntel, -0.3, $"{clean.Length} indicator(s) known benign", clean.Select(c => c.Id));
        }

        var best = reading.IntelHits.MaxBy(IntelValue)!;
        return Feature(
            FeatureNames.ThreatIntel,
            IntelValue(best),
            $"{best.EntityKey} is {best.Verdict} per {best.Source}" + (reading.IntelHits.Count > 1 ? $" (+{reading.IntelHits.Count - 1} more)" : string.Empty),
            reading.IntelHits.Select(h => h.Id));
    }

    private static double IntelValue(EnrichmentEvidence hit)
    {
        var malicious = string.Equals(hit.Verdict, "malicious", StringComparison.OrdinalIgnoreCase);
        var score = hit.Score is { } s ? Math.Clamp(s / 100.0, 0, 1) : 1;
        return malicious ? Math.Max(0.7, score) : 0.5 * score;
    }

    private static FeatureContribution GeoVelocity(CaseReading reading)
    {
        foreach (var travel in reading.Travel)
        {
            var speed = double.TryParse(travel.Attribute(EvidenceAttributes.VelocityKmh), NumberStyles.Float, CultureInfo.InvariantCulture, out var kmh) ? kmh : 0;
            // The geo-velocity check says "impossible" itself; without it, faster than an airliner (~900 km/h) is.
            var impossible = travel.Attribute(EvidenceAttributes.Impossible) is { } verdict ? verdict == "true" : speed >= 900;
            if (!impossible)
            {
                continue;
            }

            return travel.ExplainedTravel
                ? Feature(FeatureNames.GeoVelocity, -1, string.Create(CultureInfo.InvariantCulture, $"{speed:0} km/h between sign-ins, explained by a recorded trip ({travel.Attribute(EvidenceAttributes.TravelExplained)})"), [travel.Id])
                : Feature(FeatureNames.GeoVelocity, 1, string.Create(CultureInfo.InvariantCulture, $"{speed:0} km/h between sign-ins: impossible travel"), [travel.Id]);
        }

        return Feature(FeatureNames.GeoVelocity, 0, reading.Travel.Count == 0 ? "no travel analysis" : "travel speed plausible", reading.Travel.Select(t => t.Id));
    }

    private static FeatureContribution PriorCases(CaseReading reading)
    {
        var priors = reading.Dossier.PriorCases;
        var tp = priors.Where(p => p.Classification == Classification.TruePositive).ToArray();
        var fp = priors.Where(p => p.Classification is Classification.FalsePositive or Classification.BenignPositive).ToArray();
        if (tp.Length + fp.Length == 0)
        {
            return Feature(FeatureNames.PriorCases, 0, "no similar closed cases", []);
        }

        return Feature(
            FeatureNames.PriorCases,
            (tp.Length - fp.Length) / (double)(tp.Length + fp.Length),
            $"{tp.Length} similar closed case(s) were true positives, {fp.Length} benign or false positives",
            tp.Concat(fp).Select(p => p.CaseId));
    }

    private static FeatureContribution Sanctioned(CaseReading reading)
    {
        if (reading.Sanctions.Count == 0)
        {
            return Feature(FeatureNames.Sanctioned, 0, "no change ticket or maintenance window covers it", []);
        }

        var first = reading.Sanctions[0];
        return Feature(FeatureNames.Sanctioned, -1, $"covered by {first.Attribute(EvidenceAttributes.SanctionedBy)}", reading.Sanctions.Select(s => s.Id));
    }
}
