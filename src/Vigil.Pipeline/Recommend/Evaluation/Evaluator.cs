namespace Vigil.Pipeline.Recommend.Evaluation;

/// <summary>Runs a recommender over labelled scenarios, in memory: no store, same code path as a stored case.</summary>
public static class Evaluator
{
    public static async Task<EvaluationReport> RunAsync(IReadOnlyList<Scenario> scenarios, Recommender recommender, CancellationToken cancellationToken)
    {
        var rows = new List<EvaluationRow>(scenarios.Count);
        var model = BuiltInAnalyst.ModelName;
        foreach (var scenario in scenarios)
        {
            var recommendation = (await recommender.RecommendAsync(scenario.Dossier, cancellationToken)).Recommendation;
            model = recommendation.Model;
            rows.Add(new EvaluationRow
            {
                Scenario = scenario.Id,
                ExpectedSeverity = scenario.ExpectedSeverity,
                Severity = recommendation.Severity,
                ExpectedDisposition = scenario.ExpectedDisposition,
                Disposition = recommendation.Disposition,
                Confidence = recommendation.Confidence,
                Claims = recommendation.Verification.Claims,
                SupportedClaims = recommendation.Verification.SupportedClaims,
                Actions = recommendation.ProposedActions.Select(a => a.Type).ToArray(),
                InjectionFlags = recommendation.InjectionFlags.Count,
            });
        }

        return new EvaluationReport { Model = model, Rows = rows };
    }
}
