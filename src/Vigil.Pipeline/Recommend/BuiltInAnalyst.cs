using Vigil.Domain;
using Vigil.Domain.Actions;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// The default analyst: offline and deterministic. A logistic score over explainable features gives the probability
/// of a true positive; an impact estimate turns it into a severity; the hypothesis, missing context and actions are
/// read off the same facts. It never reads alert prose as instructions — only tags, entities and context.
/// </summary>
public sealed class BuiltInAnalyst(ActionCatalogue catalogue)
{
    public const string ModelName = "builtin/1";

    public AnalystOpinion Analyse(CaseDossier dossier, DateTimeOffset now)
    {
        var reading = CaseReader.Read(dossier, now);
        var features = FeatureExtractor.Extract(reading);
        var logit = BuiltInWeights.Bias + features.Sum(f => f.Contribution);
        var probability = Math.Round(1 / (1 + Math.Exp(-logit)), 4);
        var disposition = Decide(probability, reading);
        var missing = MissingContextFinder.Find(reading);
        var headline = HypothesisWriter.Headline(reading, disposition);
        return new AnalystOpinion
        {
            Reading = reading,
            Features = features.OrderByDescending(f => Math.Abs(f.Contribution)).ThenBy(f => f.Name, StringComparer.Ordinal).ToArray(),
            TruePositiveProbability = probability,
            Disposition = disposition,
            Severity = SeverityOf(probability, disposition, reading),
            Confidence = ConfidenceOf(probability, missing.Count),
            Headline = headline,
            Claims = HypothesisWriter.Claims(reading, features),
            MissingContext = missing,
            Actions = ActionPlanner.Plan(reading, disposition, headline, catalogue),
        };
    }

    /// <summary>
    /// At or above even odds a true positive. Below: benign when a change, a maintenance window or a recorded trip
    /// explains the activity, or when analysts closed this detector's and these entities' cases as benign more often
    /// than as false positives; otherwise the detector erred.
    /// </summary>
    public static Disposition Decide(double probability, CaseReading reading)
    {
        if (probability >= 0.5)
        {
            return Disposition.TruePositive;
        }

        if (reading.Sanctions.Count > 0 || reading.Travel.Any(t => t.ExplainedTravel))
        {
            return Disposition.BenignPositive;
        }

        var names = reading.Dossier.Alerts.Select(a => DetectorRecord.NameOf(a.Source, a.Title)).ToHashSet(StringComparer.Ordinal);
        var detectors = reading.Dossier.Detectors.Where(d => names.Contains(d.Detector)).ToArray();
        var benign = detectors.Sum(d => d.BenignPositives) + reading.Dossier.PriorCases.Count(p => p.Classification == Domain.Cases.Classification.BenignPositive);
        var falsePositive = detectors.Sum(d => d.FalsePositives) + reading.Dossier.PriorCases.Count(p => p.Classification == Domain.Cases.Classification.FalsePositive);
        return benign > falsePositive ? Disposition.BenignPositive : Disposition.FalsePositive;
    }

    /// <summary>
    /// Likelihood × impact. Impact is the worst of the alert level, the asset (criticality, more when internet-facing)
    /// and a privileged identity, raised by each escalator present: a high-impact tactic reached, a malicious intel
    /// match, a known-exploited vulnerability exposed. A case that is not a true positive is informational, or low
    /// where its detector rated it high, so the queue still shows what the detector claimed.
    /// </summary>
    public static Severity SeverityOf(double probability, Disposition disposition, CaseReading reading)
    {
        if (disposition != Disposition.TruePositive)
        {
            return reading.Strongest?.Severity >= Severity.High ? Severity.Low : Severity.Informational;
        }

        var rule = reading.Strongest?.Severity switch
        {
            Severity.Critical => 0.75,
            Severity.High => 0.55,
            Severity.Medium => 0.4,
            Severity.Low => 0.2,
            _ => 0,
        };
        var asset = reading.Hosts.Select(h => FeatureExtractor.CriticalityValue(h.Criticality) + (h.Exposure is "internet_facing" or "internet-facing" or "external" or "public" ? 0.2 : 0)).DefaultIfEmpty(0).Max();
        var identity = reading.Identities.Any(i => i.Privileged == true) ? 0.65 : 0;
        var escalators = (reading.Tactics.Any(t => t.ShortName is "impact" or "exfiltration" or "credential-access" or "lateral-movement") ? 1 : 0)
            + (reading.IntelHits.Any(h => string.Equals(h.Verdict, "malicious", StringComparison.OrdinalIgnoreCase)) ? 1 : 0)
            + (reading.Hosts.Any(h => h.KnownExploited is not null) ? 1 : 0);
        var impact = Math.Min(1, Math.Max(rule, Math.Max(asset, identity)) + (0.15 * escalators));
        var score = probability * (0.35 + (0.65 * impact));
        return score switch
        {
            >= 0.8 => Severity.Critical,
            >= 0.55 => Severity.High,
            >= 0.35 => Severity.Medium,
            >= 0.18 => Severity.Low,
            _ => Severity.Informational,
        };
    }

    /// <summary>Distance from even odds, lowered by 5% per missing piece of context (at most 40%).</summary>
    public static double ConfidenceOf(double probability, int missing)
    {
        var certainty = 0.5 + Math.Abs(probability - 0.5);
        return Math.Round(certainty * (1 - Math.Min(0.4, 0.05 * missing)), 2);
    }
}
