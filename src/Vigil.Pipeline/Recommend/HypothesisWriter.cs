using System.Globalization;
using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// Writes the hypothesis and its claims from a reading. Every claim is built from a fact that carries its evidence
/// ids; no sentence is written for which there is nothing to cite. Alert text is never copied into a claim: it is
/// attacker-controlled, and the facts come from tags, context and intel instead.
/// </summary>
public static class HypothesisWriter
{
    public static string Headline(CaseReading reading, Disposition disposition)
    {
        var what = reading.Techniques.Count > 0
            ? $"{CaseReader.DisplayName(Last(reading).Technique)} ({Last(reading).Technique.Id})"
            : reading.Strongest is { } strongest ? $"activity reported by {strongest.Source}" : "activity";
        var host = reading.Hosts.OrderByDescending(h => FeatureExtractor.CriticalityValue(h.Criticality)).FirstOrDefault();
        var user = reading.Identities.OrderByDescending(i => i.Privileged == true).FirstOrDefault();
        var on = host is null ? string.Empty : $" on {Describe(host)}";
        var by = user is null ? string.Empty : $" by {(user.Privileged == true ? "privileged account" : "account")} {user.Entity.Value}";
        var sentence = what + on + by;
        return disposition switch
        {
            Disposition.TruePositive => Capitalise(sentence),
            Disposition.BenignPositive => reading.Sanctions.Count > 0
                ? $"Sanctioned activity: {sentence}, covered by {reading.Sanctions[0].Attribute(EvidenceAttributes.SanctionedBy)}"
                : $"Probably benign: {sentence}",
            Disposition.FalsePositive => $"Probably a false positive: {sentence}",
            _ => sentence,
        };
    }

    public static IReadOnlyList<Claim> Claims(CaseReading reading, IReadOnlyList<FeatureContribution> features)
    {
        var claims = new List<Claim>();
        foreach (var (technique, alertIds) in reading.Techniques)
        {
            var hosts = reading.Hosts.Where(h => h.AlertIds.Intersect(alertIds).Any()).Select(h => h.Entity.Value).ToArray();
            claims.Add(Claim($"{CaseReader.DisplayName(technique)} ({technique.Id}) observed" + (hosts.Length > 0 ? $" on {string.Join(", ", hosts)}" : string.Empty), alertIds));
        }

        if (reading.Techniques.Count == 0 && reading.Strongest is { } strongest)
        {
            claims.Add(Claim($"{strongest.Source} reported a {strongest.Severity.ToString().ToLowerInvariant()} alert", [strongest.Id]));
        }

        foreach (var host in reading.Hosts.Where(h => h.IsKnown))
        {
            var facts = new List<string>();
            if (host.Environment is not null || host.Role is not null)
            {
                facts.Add($"a {string.Join(' ', new[] { host.Environment, host.Role }.Where(s => s is not null))}");
            }

            if (host.Criticality is not null)
            {
                facts.Add($"of {host.Criticality} criticality");
            }

            if (host.Exposure is not null)
            {
                facts.Add(host.Exposure.Replace('_', '-'));
            }

            if (host.KnownExploited is not null)
            {
                facts.Add($"vulnerable to known-exploited {host.KnownExploited}");
            }

            if (facts.Count > 0)
            {
                claims.Add(Claim($"{host.Entity.Value} is {string.Join(", ", facts)}", host.EvidenceIds));
            }
        }

        foreach (var identity in reading.Identities.Where(i => i.IsKnown && (i.Privileged is not null || i.Role is not null)))
        {
            var role = identity.Role is null ? string.Empty : $" ({identity.Role})";
            var text = identity.Privileged == true ? $"{identity.Entity.Value}{role} holds administrative privilege" : $"{identity.Entity.Value}{role} is not a privileged account";
            claims.Add(Claim(text, identity.EvidenceIds));
        }

        foreach (var hit in reading.IntelHits)
        {
            var score = hit.Score is { } s ? string.Create(CultureInfo.InvariantCulture, $" (score {s})") : string.Empty;
            claims.Add(Claim($"{hit.EntityKey} is listed as {hit.Verdict} by {hit.Source}{score}", [hit.Id]));
        }

        foreach (var name in new[] { FeatureNames.GeoVelocity, FeatureNames.Sanctioned, FeatureNames.Corroboration, FeatureNames.DetectorQuality, FeatureNames.TacticProgression })
        {
            var feature = features.First(f => f.Name == name);
            if (feature.Value != 0 && feature.EvidenceIds.Count > 0)
            {
                claims.Add(Claim(Capitalise(feature.Explanation), feature.EvidenceIds));
            }
        }

        foreach (var group in reading.Dossier.PriorCases.GroupBy(p => p.Classification))
        {
            var shared = group.SelectMany(p => p.SharedEntities).Distinct(StringComparer.Ordinal).Take(3);
            claims.Add(Claim(
                $"{group.Count()} earlier case(s) sharing {string.Join(", ", shared)} were closed as {group.Key.ToWire().Replace('_', ' ')}",
                group.Select(p => p.CaseId).ToArray()));
        }

        foreach (var flag in reading.Injections.DistinctBy(f => f.EvidenceId))
        {
            claims.Add(Claim("Alert content addresses the analyst with instructions (possible prompt injection); it was treated as data only", [flag.EvidenceId]));
        }

        return claims;
    }

    public static string Describe(SubjectContext host)
    {
        var words = new[] { host.Environment, host.Role }.Where(w => w is not null).ToArray();
        return words.Length == 0 ? $"host {host.Entity.Value}" : $"{string.Join(' ', words)} {host.Entity.Value}";
    }

    private static (Vigil.Detection.Attack.AttackTechnique Technique, IReadOnlyList<string> AlertIds) Last(CaseReading reading) => reading.Techniques[^1];

    private static Claim Claim(string text, IReadOnlyList<string> evidence) => new() { Text = text, EvidenceIds = evidence.Distinct(StringComparer.Ordinal).ToArray() };

    private static string Capitalise(string text) => text.Length == 0 ? text : string.Concat(text[..1].ToUpperInvariant(), text.AsSpan(1));
}
