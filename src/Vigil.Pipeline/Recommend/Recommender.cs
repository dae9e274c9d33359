using System.Globalization;
using Vigil.Domain;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// Writes a recommendation for a dossier: the built-in analyst always; a learned disposition model blended in once it
/// has seen enough decisions; an AI analyst's narrative when one is configured. Every claim from any of them goes
/// through the citation verifier, and only the built-in analyst's catalogue-checked actions and scores decide.
/// </summary>
public sealed class Recommender(BuiltInAnalyst analyst, TimeProvider time, IDispositionModel? dispositionModel = null, IAiAnalyst? ai = null)
{
    /// <summary>Below this many decisions a learned model is not trusted at all; the built-in model stands alone.</summary>
    public const int MinDecisions = 50;

    public async Task<RecommendOutcome> RecommendAsync(CaseDossier dossier, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var opinion = analyst.Analyse(dossier, now);
        var (probability, blend) = Blend(opinion);
        var disposition = opinion.Disposition;
        var severity = opinion.Severity;
        if (probability != opinion.TruePositiveProbability)
        {
            disposition = BuiltInAnalyst.Decide(probability, opinion.Reading);
            severity = BuiltInAnalyst.SeverityOf(probability, disposition, opinion.Reading);
        }

        var claims = opinion.Claims.ToList();
        var rejections = new List<string>();
        var summary = Summarise(severity, disposition, probability, opinion);
        var model = BuiltInAnalyst.ModelName;
        AiAnswer? answer = null;
        if (ai is not null)
        {
            answer = await ai.AskAsync(dossier, opinion, cancellationToken);
            model = string.Concat(model, "+", answer.Model);
            if (answer.Rejection is { } rejection)
            {
                rejections.Add(rejection);
            }
            else
            {
                claims.AddRange(answer.Claims);
                summary = answer.Summary ?? summary;
                rejections.AddRange(answer.RefusedActions);
            }
        }

        var (verified, report) = CitationVerifier.Verify(claims, opinion.Actions, dossier, opinion.Reading.Injections);
        var missing = opinion.MissingContext;
        var confidence = disposition == opinion.Disposition ? opinion.Confidence : BuiltInAnalyst.ConfidenceOf(probability, missing.Count);
        var recommendation = new Recommendation
        {
            Id = RecommendationIds.New(now),
            CaseId = dossier.Case.Id,
            Model = model,
            CreatedAt = now,
            InputDigest = InputDigest.Of(dossier),
            Severity = severity,
            Confidence = confidence,
            Disposition = disposition,
            TruePositiveProbability = probability,
            Features = opinion.Features,
            Summary = summary,
            Hypothesis = disposition == opinion.Disposition ? opinion.Headline : HypothesisWriter.Headline(opinion.Reading, disposition),
            Claims = verified,
            MissingContext = missing,
            ProposedActions = disposition == Disposition.TruePositive ? opinion.Actions : [],
            Verification = report,
            InjectionFlags = opinion.Reading.Injections,
            Blend = blend,
            Rejections = rejections,
        };
        return new RecommendOutcome(recommendation, answer);
    }

    private (double Probability, string Blend) Blend(AnalystOpinion opinion)
    {
        var builtIn = opinion.TruePositiveProbability;
        if (dispositionModel?.Estimate(opinion.Features) is not { } estimate)
        {
            return (builtIn, "built-in model alone: no disposition model has been trained (vigil model train)");
        }

        if (estimate.TrainedOn < MinDecisions)
        {
            return (builtIn, string.Create(CultureInfo.InvariantCulture, $"built-in model alone: the disposition model has seen {estimate.TrainedOn} decisions, fewer than the {MinDecisions} needed"));
        }

        // The learned model earns weight with data, but never more than half: the built-in model keeps it explainable.
        var weight = Math.Min(0.5, estimate.TrainedOn / 400.0);
        var blended = Math.Round(((1 - weight) * builtIn) + (weight * estimate.TruePositiveProbability), 4);
        return (blended, string.Create(
            CultureInfo.InvariantCulture,
            $"{1 - weight:0.00} × built-in {builtIn:0.00} + {weight:0.00} × {estimate.Model} {estimate.TruePositiveProbability:0.00} = {blended:0.00} (trained on {estimate.TrainedOn} decisions; {estimate.Quality})"));
    }

    private static string Summarise(Severity severity, Disposition disposition, double probability, AnalystOpinion opinion)
    {
        var top = opinion.Features.Where(f => f.Contribution != 0).Take(3).Select(f => f.Name.Replace('_', ' '));
        return string.Create(
            CultureInfo.InvariantCulture,
            $"{severity.ToWire()} severity, likely {disposition.ToWire().Replace('_', ' ')} (p={probability:0.00}); driven by {string.Join(", ", top.DefaultIfEmpty("no strong signal"))}. {opinion.Actions.Count} catalogue action(s) proposed, {opinion.MissingContext.Count} gap(s) in context.");
    }
}
