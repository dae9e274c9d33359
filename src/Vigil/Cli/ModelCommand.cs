using System.CommandLine;
using System.Globalization;
using Vigil.Pipeline.Recommend;
using Vigil.Pipeline.Recommend.Learning;

namespace Vigil.Cli;

internal static class ModelCommand
{
    public static Command Create()
    {
        var command = new Command("model", "The learned disposition model: train it on analysts' decisions, or show how it did.");
        command.Subcommands.Add(Train());
        command.Subcommands.Add(Show());
        return command;
    }

    /// <summary><c>--models</c>, else <c>models/</c> in the data directory (where the server looks too).</summary>
    public static string Directory(ParseResult parse, Option<DirectoryInfo?> models) =>
        parse.GetValue(models)?.FullName ?? Path.Combine(Path.GetFullPath(parse.GetValue(GlobalOptions.Data) ?? "vigil-data"), "models");

    private static Option<DirectoryInfo?> ModelsOption() => new("--models") { Description = "Model directory (default: models/ in the data directory)." };

    private static Command Train()
    {
        var models = ModelsOption();
        var command = new Command("train", "Train the disposition model (ML.NET, calibrated logistic regression) on closed, classified cases; report held-out precision, recall and calibration.") { models };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var cases = await context.Get<TrainingSet>().BuildAsync(cancellationToken);
            var positives = cases.Count(c => c.Label == Disposition.TruePositive);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases.Count} analyst decisions: {positives} true positive, {cases.Count - positives} benign or false positive"));
            try
            {
                var (model, schema, metrics) = DispositionTrainer.Train(cases, TimeProvider.System.GetUtcNow());
                var directory = Directory(parse, models);
                DispositionModelFile.Save(directory, model, schema, metrics);
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained on {metrics.TrainedOn}, held out {metrics.HeldOut}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"precision          {metrics.Precision:0.000}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall             {metrics.Recall:0.000}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"AUC                {metrics.AreaUnderRocCurve:0.000}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Brier score        {metrics.BrierScore:0.000}"));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"calibration error  {metrics.CalibrationError:0.000} (expected, 10 bins)"));
                output.WriteLine(metrics.TrainedOn + metrics.HeldOut >= Recommender.MinDecisions
                    ? $"saved to {directory}; recommendations now blend it with the built-in model"
                    : $"saved to {directory}; below {Recommender.MinDecisions} decisions the built-in model still stands alone");
                return 0;
            }
            catch (InvalidOperationException ex)
            {
                output.WriteLine($"not trained: {ex.Message}; the built-in model stands alone");
                return 1;
            }
        });
        return command;
    }

    private static Command Show()
    {
        var models = ModelsOption();
        var command = new Command("show", "Print the trained disposition model's held-out metrics.") { models };
        command.SetAction(parse =>
        {
            var directory = Directory(parse, models);
            var output = parse.InvocationConfiguration.Output;
            if (DispositionModelFile.Load(directory) is not { } loaded)
            {
                output.WriteLine($"no disposition model in {directory}: the built-in model stands alone");
                return 1;
            }

            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"trained {loaded.Metrics.TrainedAt:u} on {loaded.Metrics.TrainedOn + loaded.Metrics.HeldOut} decisions; {loaded.Metrics.Describe()}"));
            return 0;
        });
        return command;
    }
}
