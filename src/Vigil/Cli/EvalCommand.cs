using System.CommandLine;
using System.Globalization;
using Vigil.Domain;
using Vigil.Pipeline.Recommend;
using Vigil.Pipeline.Recommend.Evaluation;
using Vigil.Pipeline.Respond;

namespace Vigil.Cli;

internal static class EvalCommand
{
    public static Command Create()
    {
        var scenarios = new Option<FileInfo?>("--scenarios") { Description = "A labelled scenario file (default: the shipped content/eval/scenarios.json)." };
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("eval", "Run the recommender over a labelled scenario set: severity agreement, disposition precision/recall, citation validity.") { scenarios, json };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            IReadOnlyList<Scenario> set;
            try
            {
                set = parse.GetValue(scenarios) is { } file
                    ? ScenarioLoader.Load(await File.ReadAllTextAsync(file.FullName, cancellationToken), file.Name)
                    : ScenarioLoader.LoadDefault();
            }
            catch (Exception ex) when (ex is InvalidDataException or IOException)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: {ex.Message}");
                return 2;
            }

            // Scenario times are fixed, so the clock is too: the same set always gives the same report.
            var recommender = new Recommender(new BuiltInAnalyst(ActionCatalogueLoader.LoadDefault()), ScenarioClock.Instance);
            var report = await Evaluator.RunAsync(set, recommender, cancellationToken);
            if (parse.GetValue(json))
            {
                output.WriteLine(CliJson.Line(new
                {
                    report.Model,
                    report.Cases,
                    report.SeverityAgreement,
                    report.SeverityWithinOne,
                    report.DispositionAccuracy,
                    report.Dispositions,
                    report.CitationValidity,
                    report.Rows,
                }));
                return 0;
            }

            Print(output, report);
            return 0;
        });
        return command;
    }

    private static void Print(TextWriter output, EvaluationReport report)
    {
        output.WriteLine($"{"scenario",-38} {"expected",-24} {"recommended",-24} {"conf",5} {"claims",7}  actions");
        foreach (var row in report.Rows)
        {
            var expected = $"{row.ExpectedSeverity.ToWire()}/{row.ExpectedDisposition.ToWire()}";
            var got = $"{row.Severity.ToWire()}/{row.Disposition.ToWire()}";
            var mark = row.SeverityAgrees && row.DispositionAgrees ? ' ' : row.DispositionAgrees ? '~' : '!';
            output.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{mark}{row.Scenario,-37} {expected,-24} {got,-24} {row.Confidence,5:0.00} {row.SupportedClaims,3}/{row.Claims,-3}  {string.Join(",", row.Actions)}{(row.InjectionFlags > 0 ? "  [injection flagged]" : string.Empty)}"));
        }

        output.WriteLine();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"model                 {report.Model}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"cases                 {report.Cases}"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"severity agreement    {report.SeverityAgreement:P1} exact, {report.SeverityWithinOne:P1} within one level"));
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"disposition accuracy  {report.DispositionAccuracy:P1}"));
        foreach (var score in report.Dispositions)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {score.Disposition.ToWire(),-16} precision {score.Precision:P1}  recall {score.Recall:P1}  (n={score.Support})"));
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"citation validity     {report.CitationValidity:P1} of claims cite only evidence on the case"));
    }
}
