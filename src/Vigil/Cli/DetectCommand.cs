using System.Buffers;
using System.CommandLine;
using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Spectre.Console;
using Vigil.Detection.Correlation;
using Vigil.Detection.Engine;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil detect</c>: run a Sigma rule pack over event files, no server and no store. Matches go to stdout
/// (JSON Lines or a table); the summary and progress go to stderr so stdout stays machine-readable.
/// </summary>
internal static class DetectCommand
{
    public static Option<string> PipelineOption() => new("--pipeline")
    {
        Description = "Processing pipeline: a shipped name (windows, ocsf), a YAML file, or 'none'.",
        DefaultValueFactory = _ => "windows",
    };

    public static Command Create()
    {
        var rules = new Option<string>("--rules") { Description = "Rule directory, .yml file or .tar.gz archive.", Required = true };
        var events = new Option<string>("--events") { Description = "Event file (JSON lines, JSON array or concatenated JSON) or a directory of them.", Required = true };
        var format = new Option<string>("--output") { Description = "jsonl or table.", DefaultValueFactory = _ => "table" };
        format.AcceptOnlyFromAmong("jsonl", "table");
        var pipeline = PipelineOption();
        var command = new Command("detect", "Run Sigma rules over event files and print the matches.") { rules, events, format, pipeline };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(rules), parse.GetRequiredValue(events), parse.GetRequiredValue(format), parse.GetRequiredValue(pipeline),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string rulesPath, string eventsPath, string format, string pipelineName, TextWriter output, TextWriter error)
    {
        var clock = Stopwatch.StartNew();
        var loaded = SigmaRuleLoader.Load(rulesPath);
        var engine = SigmaEngine.Compile(loaded, SigmaPipelines.Resolve(pipelineName));
        var correlations = new CorrelationBatch(new CorrelationEngine(
            CorrelationSet.Load(loaded.Correlations, loaded.Rules.Select(r => new SigmaRuleIdentity(r.Id, r.Name)))));
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var files = EventFiles(eventsPath);
        if (files.Count == 0)
        {
            error.WriteLine($"no event files at '{eventsPath}'");
            return 2;
        }

        var sink = new MatchSink(format == "jsonl", output);
        long eventCount = 0;
        clock.Restart();
        if (!Console.IsErrorRedirected && ReferenceEquals(error, Console.Error))
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
            console.Progress().Start(progress =>
            {
                foreach (var file in files)
                {
                    var task = progress.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: Math.Max(1, new FileInfo(file).Length));
                    eventCount += DetectFile(engine, correlations, file, sink, position => task.Value = position);
                    task.Value = task.MaxValue;
                }
            });
        }
        else
        {
            foreach (var file in files)
            {
                eventCount += DetectFile(engine, correlations, file, sink, null);
            }
        }

        var correlated = correlations.Run().Where(m => m.Standalone).ToList();
        var seconds = clock.Elapsed.TotalSeconds;
        sink.Complete();
        WriteCorrelations(correlations, correlated, format == "jsonl", output, error);
        error.WriteLine(
            $"events read: {eventCount:N0} in {files.Count} file(s); rules loaded: {engine.Rules.Count + engine.Inactive.Count:N0} ({engine.Rules.Count:N0} apply to pipeline '{engine.Pipeline.Name}'), rejected: {loaded.Errors.Count + engine.Errors.Count:N0} "
            + $"(load+compile {loadSeconds:F2} s); matches: {sink.Count:N0}; {eventCount / Math.Max(seconds, 1e-9):N0} events/s");
        return 0;
    }

    private static long DetectFile(SigmaEngine engine, CorrelationBatch correlations, string file, MatchSink sink, Action<double>? progress)
    {
        using var stream = File.OpenRead(file);
        using var reader = new JsonEventReader(stream, file);
        var matches = new List<SigmaMatch>();
        long count = 0;
        while (reader.TryRead(out var sigmaEvent))
        {
            count++;
            matches.Clear();
            engine.Evaluate(sigmaEvent, matches);
            foreach (var match in matches)
            {
                correlations.Add(match);
                // Correlation spec "Generate": rules a correlation references report only through it unless it says generate.
                if (correlations.Set.ReportsStandalone(match.RuleId, match.RuleName))
                {
                    sink.Add(match);
                }
            }

            if (progress is not null && (count & 1023) == 0)
            {
                progress(stream.Position);
            }
        }

        return count;
    }

    private static void WriteCorrelations(
        CorrelationBatch correlations, List<CorrelationMatch> matches, bool jsonLines, TextWriter output, TextWriter error)
    {
        if (correlations.Set.Rules.Count == 0 && correlations.Set.Errors.Count == 0)
        {
            return;
        }

        foreach (var rejected in correlations.Set.Errors)
        {
            error.WriteLine($"correlation rejected: {rejected}");
        }

        if (jsonLines)
        {
            var buffer = new ArrayBufferWriter<byte>();
            foreach (var match in matches)
            {
                buffer.ResetWrittenCount();
                using (var writer = new Utf8JsonWriter(buffer))
                {
                    CorrelationMatchJson.Write(writer, match);
                }

                output.WriteLine(Encoding.UTF8.GetString(buffer.WrittenSpan));
            }
        }
        else if (matches.Count > 0)
        {
            var table = new Table().AddColumns("level", "correlation", "group", "events", "first seen", "last seen");
            foreach (var match in matches)
            {
                table.AddRow(Markup.Escape(match.Rule.Level ?? ""), Markup.Escape(match.Rule.Title),
                    Markup.Escape(string.Join(", ", match.GroupBy.Select(g => $"{g.Key}={g.Value}"))),
                    match.Events.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                    match.FirstSeen.ToString("u", System.Globalization.CultureInfo.InvariantCulture),
                    match.LastSeen.ToString("u", System.Globalization.CultureInfo.InvariantCulture));
            }

            AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) }).Write(table);
        }

        error.WriteLine(
            $"correlations loaded: {correlations.Set.Rules.Count:N0}, rejected: {correlations.Set.Errors.Count:N0}; correlation matches: {matches.Count:N0}"
            + (correlations.Untimed > 0 ? $"; {correlations.Untimed:N0} referenced hits had no timestamp" : ""));
    }

    /// <summary>The event file itself, or the .json/.jsonl/.ndjson files under a directory, in name order.</summary>
    internal static List<string> EventFiles(string path)
    {
        if (File.Exists(path))
        {
            return [path];
        }

        return Directory.Exists(path)
            ? [.. Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
                    || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)]
            : [];
    }

    /// <summary>Writes matches as they come (JSON Lines) or collects them for one table at the end.</summary>
    private sealed class MatchSink(bool jsonLines, TextWriter output)
    {
        private const int TableLimit = 500;
        private readonly ArrayBufferWriter<byte> _buffer = new();
        private readonly List<SigmaMatch> _table = [];

        public long Count { get; private set; }

        public void Add(SigmaMatch match)
        {
            Count++;
            if (!jsonLines)
            {
                if (_table.Count < TableLimit)
                {
                    _table.Add(match);
                }

                return;
            }

            _buffer.ResetWrittenCount();
            using (var writer = new Utf8JsonWriter(_buffer))
            {
                writer.WriteStartObject();
                writer.WriteString("rule_id", match.RuleId);
                writer.WriteString("rule_name", match.RuleName);
                writer.WriteString("rule_title", match.Title);
                writer.WriteString("level", match.Level);
                writer.WriteNumber("event_index", match.EventIndex);
                writer.WriteString("file", match.Event.Source);
                writer.WriteStartArray("tags");
                foreach (var tag in match.Tags)
                {
                    writer.WriteStringValue(tag);
                }

                writer.WriteEndArray();
                writer.WriteString("author", match.Author);
                writer.WriteString("license", match.License);
                writer.WriteEndObject();
            }

            output.WriteLine(Encoding.UTF8.GetString(_buffer.WrittenSpan));
        }

        public void Complete()
        {
            if (jsonLines)
            {
                output.Flush();
                return;
            }

            var table = new Table().AddColumns("level", "rule", "author", "file", "event");
            foreach (var match in _table)
            {
                table.AddRow(Markup.Escape(match.Level ?? ""), Markup.Escape(match.Title), Markup.Escape(match.Author ?? ""),
                    Markup.Escape(Path.GetFileName(match.Event.Source ?? "")), match.EventIndex.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }

            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            console.Write(table);
            if (Count > _table.Count)
            {
                output.WriteLine($"... {Count - _table.Count:N0} more matches; use --output jsonl for all of them");
            }
        }
    }
}
