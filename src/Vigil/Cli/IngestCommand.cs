using System.CommandLine;
using System.Diagnostics;
using System.Text;
using Spectre.Console;
using Vigil.Domain.Alerts;
using Vigil.Domain.DeadLetters;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ingest.Mail;
using Vigil.Pipeline.Normalize;

namespace Vigil.Cli;

/// <summary>
/// Loads alerts from files into the store with no server: JSON lines, a JSON array, or concatenated JSON objects,
/// each an alert in the API's submission format; and <c>.eml</c> files, each a user-reported phishing mail. Streams
/// the input, commits in batches, dead-letters what it cannot read with the file and line, and ends with a summary.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or directories (*.json, *.jsonl, *.ndjson, and *.eml reported phishing mail).", Arity = ArgumentArity.OneOrMore };
        var batch = new Option<int>("--batch") { Description = "Alerts per transaction.", DefaultValueFactory = _ => 500 };
        var command = new Command("ingest", "Ingest alert files into the store (no server needed).") { paths, batch };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var files = ExpandPaths(parse.GetValue(paths)!).ToList();
            var missing = files.Where(f => !File.Exists(f)).ToList();
            if (missing.Count > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine($"error: not found: {string.Join(", ", missing)}");
                return 2;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var run = new IngestRun(context, Math.Clamp(parse.GetValue(batch), 1, 5_000));
            var error = parse.InvocationConfiguration.Error;
            if (!Console.IsErrorRedirected && AnsiConsole.Profile.Capabilities.Interactive)
            {
                await AnsiConsole.Progress().StartAsync(async progress =>
                {
                    foreach (var file in files)
                    {
                        var task = progress.AddTask(Path.GetFileName(file), maxValue: new FileInfo(file).Length);
                        await run.IngestFileAsync(file, read => task.Value = read, cancellationToken);
                        task.Value = task.MaxValue;
                    }
                });
            }
            else
            {
                foreach (var file in files)
                {
                    await run.IngestFileAsync(file, _ => { }, cancellationToken);
                }
            }

            error.WriteLine(run.Summary());
            return run.DeadLettered == 0 ? 0 : 1;
        });
        return command;
    }

    private static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || IsMail(f))
                    .Order(StringComparer.Ordinal))
                {
                    yield return file;
                }
            }
            else
            {
                yield return path;
            }
        }
    }

    private static bool IsMail(string path) => path.EndsWith(".eml", StringComparison.OrdinalIgnoreCase);

    private sealed class IngestRun(CliContext context, int batchSize)
    {
        private readonly AlertSubmissionParser _parser = context.Get<AlertSubmissionParser>();
        private readonly AlertIngestor _ingestor = context.Get<AlertIngestor>();
        private readonly DeadLetterService _deadLetters = context.Get<DeadLetterService>();
        private readonly Stopwatch _clock = Stopwatch.StartNew();

        public long Read { get; private set; }

        public long Stored { get; private set; }

        public long Deduplicated { get; private set; }

        public long DeadLettered { get; private set; }

        public async Task IngestFileAsync(string path, Action<long> progress, CancellationToken cancellationToken)
        {
            if (IsMail(path))
            {
                await IngestMailAsync(path, cancellationToken);
                return;
            }

            await using var stream = File.OpenRead(path);
            var pending = new List<AlertDraft>(batchSize);
            await foreach (var record in JsonEventReader.ReadAsync(stream, cancellationToken))
            {
                Read++;
                var where = $"{path}:{record.Line}";
                var submission = record.Error is null
                    ? _parser.Parse(Encoding.UTF8.GetBytes(record.Raw))
                    : new AlertSubmission([], [new InputError("$", record.Error)], false);
                if (!submission.IsValid || submission.IsBatch)
                {
                    var reason = submission.IsValid ? "a record must be one alert object, not a batch" : string.Join("; ", submission.Errors);
                    await _deadLetters.RecordAsync(DeadLetterChannels.Alert, submission.SourceHint, record.Raw, $"{where}: {reason}", "application/json", cancellationToken);
                    DeadLettered++;
                    continue;
                }

                pending.AddRange(submission.Drafts);
                if (pending.Count >= batchSize)
                {
                    await FlushAsync(pending, cancellationToken);
                    progress(stream.Position);
                }
            }

            await FlushAsync(pending, cancellationToken);
        }

        /// <summary>A reported phishing mail: one alert per reported message, through the phishing_report mapping.</summary>
        private async Task IngestMailAsync(string path, CancellationToken cancellationToken)
        {
            var summary = await context.Get<MailReportIngestor>().IngestAsync(await File.ReadAllBytesAsync(path, cancellationToken), "eml_file", path, CliContext.Operator, cancellationToken);
            Read++;
            Stored += summary.Stored;
            Deduplicated += summary.Deduplicated;
            DeadLettered += summary.DeadLettered;
        }

        public string Summary()
        {
            var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
            return $"read {Read}, stored {Stored}, deduplicated {Deduplicated}, dead-lettered {DeadLettered} in {seconds:0.0}s ({Read / seconds:0} records/s)";
        }

        private async Task FlushAsync(List<AlertDraft> pending, CancellationToken cancellationToken)
        {
            if (pending.Count == 0)
            {
                return;
            }

            foreach (var outcome in await _ingestor.IngestAsync(pending, CliContext.Operator, cancellationToken))
            {
                if (outcome.Created)
                {
                    Stored++;
                }
                else
                {
                    Deduplicated++;
                }
            }

            pending.Clear();
        }
    }
}
