using System.CommandLine;
using Vigil.Detection.Engine;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;
using Vigil.Detection.Regression;

namespace Vigil.Cli;

/// <summary><c>vigil rules check|test</c>: validate a Sigma rule pack, run regression cases.</summary>
internal static class RulesCommand
{
    public static Command Create()
    {
        var command = new Command("rules", "Work with Sigma rule packs.");
        command.Subcommands.Add(CreateCheck());
        command.Subcommands.Add(CreateTest());
        return command;
    }

    private static Command CreateCheck()
    {
        var path = new Argument<string>("path") { Description = "Rule directory, single .yml file or .tar.gz archive." };
        var pipeline = DetectCommand.PipelineOption();
        var command = new Command("check", "Load and compile a rule pack; list every rejected rule with file, line and reason.")
        {
            path,
            pipeline,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var loaded = SigmaRuleLoader.Load(parse.GetRequiredValue(path));
            var engine = SigmaEngine.Compile(loaded, SigmaPipelines.Resolve(parse.GetRequiredValue(pipeline)));
            var rejects = loaded.Errors.Concat(engine.Errors).OrderBy(e => e.File, StringComparer.Ordinal).ThenBy(e => e.Line).ToList();
            foreach (var reject in rejects)
            {
                output.WriteLine($"REJECTED {reject}");
            }

            foreach (var warning in engine.Warnings)
            {
                output.WriteLine($"WARNING {warning}");
            }

            var total = loaded.Rules.Count + loaded.Errors.Count;
            var accepted = engine.Rules.Count + engine.Inactive.Count;
            output.WriteLine(
                $"{accepted} of {total} rules accepted ({(total == 0 ? 100 : 100.0 * accepted / total):F2}%), {rejects.Count} rejected; {engine.Rules.Count} apply to pipeline '{engine.Pipeline.Name}'; "
                + $"{loaded.Filters.Count} filters, {loaded.Correlations.Count} correlation documents");
            return rejects.Count == 0 ? 0 : 1;
        });
        return command;
    }

    private static Command CreateTest()
    {
        var path = new Argument<string>("dir") { Description = "Directory laid out like SigmaHQ's regression data, with INDEX.csv." };
        var pipeline = DetectCommand.PipelineOption();
        var command = new Command("test", "Run SigmaHQ-style regression cases (rule + events + expected minimum matches).")
        {
            path,
            pipeline,
        };
        command.SetAction(parse =>
        {
            var output = parse.InvocationConfiguration.Output;
            var resolved = SigmaPipelines.Resolve(parse.GetRequiredValue(pipeline));
            var failed = 0;
            var cases = RegressionSuite.LoadCases(parse.GetRequiredValue(path));
            foreach (var regressionCase in cases)
            {
                var result = RegressionSuite.Run(regressionCase, resolved);
                if (!result.Passed)
                {
                    failed++;
                    output.WriteLine(result.Error is null
                        ? $"FAIL {regressionCase}: {result.Matches} matches in {result.Events} events, expected >= {regressionCase.ExpectedMinMatches}"
                        : $"FAIL {regressionCase}: {result.Error}");
                }
            }

            output.WriteLine($"{cases.Count - failed} of {cases.Count} regression cases passed");
            return failed == 0 ? 0 : 1;
        });
        return command;
    }
}
