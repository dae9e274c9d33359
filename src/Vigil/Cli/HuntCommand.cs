using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigil.Detection.Engine;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;
using Vigil.Domain;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Hunt;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil hunt</c>: a log bundle through the whole pipeline with no server (normalise, detect with Sigma, group into
/// cases with the grouping policy) and the cases printed: title, severity, entities, ATT&amp;CK techniques in
/// kill-chain order, timeline, and why the alerts are together. With <c>--store</c> the cases go into the store chosen
/// by <c>--data</c>/<c>--db</c>, where the server shows them; otherwise into a throwaway store that is deleted after.
/// </summary>
internal static class HuntCommand
{
    private const int TimelineShown = 20;

    public static Command Create()
    {
        var rules = new Option<string>("--rules") { Description = "Sigma rule directory, .yml file or .tar.gz archive.", Required = true };
        var events = new Option<string>("--events") { Description = "Event file (JSON lines, JSON array or concatenated JSON) or a directory of them.", Required = true };
        var format = new Option<string>("--output") { Description = "table or json.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("table", "json");
        var store = new Option<bool>("--store") { Description = "Write the cases into the store (--data or --db) for the server to show." };
        var pipeline = DetectCommand.PipelineOption();
        var command = new Command("hunt", "Run the pipeline over log files with no server and print the cases it finds.") { rules, events, format, store, pipeline };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var files = DetectCommand.EventFiles(parse.GetRequiredValue(events));
            if (files.Count == 0)
            {
                error.WriteLine($"no event files at '{parse.GetRequiredValue(events)}'");
                return 2;
            }

            var loaded = SigmaRuleLoader.Load(parse.GetRequiredValue(rules));
            var engine = SigmaEngine.Compile(loaded, SigmaPipelines.Resolve(parse.GetRequiredValue(pipeline)));
            using var scratch = parse.GetValue(store) ? null : new ScratchDirectory();
            var location = scratch is null ? CliContext.Location(parse) : new StoreLocation { DataDirectory = scratch.Path };
            HuntReport report;
            await using (var context = await CliContext.OpenAsync(location, cancellationToken))
            {
                var runner = new HuntRunner(
                    engine, context.Get<MappingCatalog>(), context.Get<AlertIngestor>(), context.Store, context.Get<CorrelationViews>(), TimeProvider.System);
                report = await runner.RunAsync(files, CliContext.Operator, cancellationToken);
            }

            if (parse.GetRequiredValue(format) == "json")
            {
                parse.InvocationConfiguration.Output.WriteLine(CliJson.Line(report));
            }
            else
            {
                WriteTables(report, parse.InvocationConfiguration.Output);
            }

            error.WriteLine(
                $"events read: {report.EventsRead:N0} in {report.Files} file(s) ({report.EventsNormalized:N0} normalised, {report.Unreadable.Count:N0} unreadable); "
                + $"rules: {engine.Rules.Count:N0} applied, {loaded.Errors.Count + engine.Errors.Count:N0} rejected; matches: {report.Matches:N0}; "
                + $"alerts stored: {report.AlertsStored:N0} ({report.AlertsDeduplicated:N0} already stored); cases: {report.Cases.Count:N0}"
                + (scratch is null ? $" in {location.Mode switch { StoreMode.Solo => location.EffectiveDataDirectory, _ => "PostgreSQL" }}" : " (not stored; add --store to keep them)"));
            foreach (var line in report.Unreadable)
            {
                error.WriteLine($"unreadable: {line}");
            }

            return 0;
        });
        return command;
    }

    private static void WriteTables(HuntReport report, TextWriter output)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
        foreach (var hunted in report.Cases)
        {
            var @case = hunted.Case;
            console.Write(new Rule(Markup.Escape($"{@case.Severity.ToWire().ToUpperInvariant()}  {@case.Title}  ({@case.Id}, {@case.AlertCount} alert(s))")).LeftJustified());
            var facts = new Grid().AddColumn().AddColumn();
            facts.AddRow("entities", Markup.Escape(string.Join(", ", hunted.Entities.Select(e => $"{e.Type.ToWire()} {e.Value}"))));
            facts.AddRow("att&ck", Markup.Escape(string.Join(" → ", hunted.Timeline.Tactics.Select(t => $"{t.Name}: {string.Join(", ", t.Techniques.Select(x => $"{x.Id} {x.Name}"))}"))));
            foreach (var reason in hunted.Reasons)
            {
                facts.AddRow("grouping", Markup.Escape(reason));
            }

            foreach (var similar in hunted.Similar)
            {
                facts.AddRow("similar", Markup.Escape($"{similar.CaseId} ({similar.Classification ?? "unclassified"}, score {similar.Score:0.00}): {similar.Reason}"));
            }

            console.Write(facts);
            var timeline = new Table().AddColumns("time (UTC)", "severity", "alert", "techniques");
            foreach (var entry in hunted.Timeline.Entries.Take(TimelineShown))
            {
                timeline.AddRow(
                    entry.At.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
                    entry.Severity?.ToWire() ?? "",
                    Markup.Escape(entry.Title),
                    Markup.Escape(string.Join(", ", entry.Techniques)));
            }

            console.Write(timeline);
            if (hunted.Timeline.Entries.Count > TimelineShown)
            {
                output.WriteLine($"… and {hunted.Timeline.Entries.Count - TimelineShown} more (--output json lists all)");
            }
        }
    }

    /// <summary>The throwaway store of a hunt without --store.</summary>
    private sealed class ScratchDirectory : IDisposable
    {
        public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "vigil-hunt-" + Guid.NewGuid().ToString("N"));

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(Path, recursive: true);
            }
            catch (IOException)
            {
                // Left for the OS temp cleaner; a hunt's result is already printed.
            }
        }
    }
}
