using System.CommandLine;
using System.Globalization;
using Vigil.Domain;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Recommend;

namespace Vigil.Cli;

internal static class RecommendCommand
{
    public static Command Create()
    {
        var caseId = new Argument<string>("case") { Description = "The case id (cas_…)." };
        var show = new Option<bool>("--show") { Description = "Print the stored recommendation without recomputing." };
        var json = new Option<bool>("--json") { Description = "Print the recommendation as JSON." };
        var command = new Command("recommend", "Compute (and store, with a ledger entry) a case's recommendation, or --show the stored one.") { caseId, show, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var id = parse.GetValue(caseId)!;
            var error = parse.InvocationConfiguration.Error;
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            Recommendation? recommendation;
            if (parse.GetValue(show))
            {
                recommendation = await context.Store.GetRecommendationAsync(id, null, cancellationToken);
                if (recommendation is null)
                {
                    error.WriteLine($"error: case {id} has no recommendation yet");
                    return 1;
                }
            }
            else
            {
                var (result, computed) = await context.Get<RecommendationService>().RecommendAsync(id, CliContext.Operator, cancellationToken);
                if (result.Kind != CaseResultKind.Done)
                {
                    error.WriteLine($"error: {result.Problem}");
                    return 1;
                }

                recommendation = computed!;
            }

            var output = parse.InvocationConfiguration.Output;
            if (parse.GetValue(json))
            {
                output.WriteLine(RecommendationJson.Serialize(recommendation));
                return 0;
            }

            Print(output, recommendation);
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter output, Recommendation r)
    {
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{r.CaseId} v{r.Version} by {r.Model}: {r.Severity.ToWire()}, {r.Disposition.ToWire()} (p={r.TruePositiveProbability:0.00}), confidence {r.Confidence:0.00}"));
        output.WriteLine($"hypothesis: {r.Hypothesis}");
        output.WriteLine("features:");
        foreach (var feature in r.Features.Where(f => f.Contribution != 0))
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {feature.Contribution,7:+0.00;-0.00}  {feature.Name,-20} {feature.Explanation}"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"claims ({r.Verification.SupportedClaims}/{r.Verification.Claims} supported):"));
        foreach (var claim in r.Claims)
        {
            output.WriteLine($"  [{(claim.Supported ? "ok" : "UNSUPPORTED")}] {claim.Text} <- {string.Join(", ", claim.EvidenceIds)}{(claim.Problem is null ? string.Empty : $" ({claim.Problem})")}");
        }

        foreach (var missing in r.MissingContext)
        {
            output.WriteLine($"  missing: {missing.What} -> {missing.WouldChange}");
        }

        foreach (var action in r.ProposedActions)
        {
            output.WriteLine($"  propose {action.Type} {string.Join(' ', action.Inputs.Select(i => $"{i.Key}={i.Value}"))} [{action.BlastRadius.ToString().ToLowerInvariant()}, {action.RequiredApprovals} approval(s)]: {action.Impact.Summary}");
        }

        foreach (var flag in r.InjectionFlags)
        {
            output.WriteLine($"  injection attempt in {flag.EvidenceId} ({flag.Pattern}): \"{flag.Excerpt}\"");
        }

        if (r.Blend is not null)
        {
            output.WriteLine($"blend: {r.Blend}");
        }
    }
}
