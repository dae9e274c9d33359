using System.CommandLine;
using Spectre.Console;
using Vigil.Pipeline.Normalize;

namespace Vigil.Cli;

/// <summary>
/// Loads files into the store with no server: alerts in Vigil's submission format (JSON lines, a JSON array, or
/// concatenated JSON), CSV exports of alerts or cases from another SOAR or SIEM (columns matched by header, or mapped
/// with <c>--map</c>), vendor events for a source mapping (<c>--source NAME</c>, JSON or CSV), and <c>.eml</c> reported
/// phishing mail. Streams the input with a progress bar on a terminal, commits in batches, keeps a resumable position
/// per file (<c>--resume</c>), dead-letters what it cannot read with the file and line, and ends with a summary.
/// </summary>
internal static class IngestCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or directories (*.json, *.jsonl, *.ndjson, *.csv, and *.eml reported phishing mail).", Arity = ArgumentArity.OneOrMore };
        var batch = new Option<int>("--batch") { Description = "Records per transaction (and per resumable step).", DefaultValueFactory = _ => 500 };
        var source = new Option<string?>("--source")
        {
            Description = "Treat records as vendor events for this source mapping (vigil sources list), or 'auto' to recognise each by shape; without it they are Vigil alerts.",
        };
        var map = new Option<string[]>("--map")
        {
            Description = "CSV column mapping FIELD=Column, repeatable: an alert field (title, source, source_ref, severity, description, occurred_at, tags, entity.host, entity.user, entity.ip, entity.domain, entity.url, entity.file_hash, entity.email) or, with --source, an event path (Event.System.EventID=EventCode).",
            AllowMultipleArgumentsPerToken = false,
        };
        var csvSource = new Option<string>("--csv-source") { Description = "Alert source for CSV rows without a source column.", DefaultValueFactory = _ => "csv_import" };
        var resume = new Option<bool>("--resume") { Description = "Continue each file after the records an earlier, interrupted run committed." };
        var command = new Command("ingest", "Ingest alert, event, CSV and .eml files into the store (no server needed).") { paths, batch, source, map, csvSource, resume };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var error = parse.InvocationConfiguration.Error;
            var files = ExpandPaths(parse.GetValue(paths)!).ToList();
            var missing = files.Where(f => !File.Exists(f)).ToList();
            if (missing.Count > 0)
            {
                error.WriteLine($"error: not found: {string.Join(", ", missing)}");
                return 2;
            }

            if (!TryColumns(parse.GetValue(map) ?? [], out var columns, out var problem))
            {
                error.WriteLine($"error: {problem}");
                return 2;
            }

            await using var context = await CliContext.OpenAsync(parse, cancellationToken);
            var sourceName = parse.GetValue(source);
            if (sourceName is not null && sourceName != MappingCatalog.Auto && !context.Get<MappingCatalog>().TryGet(sourceName, out _))
            {
                error.WriteLine($"error: there is no source mapping '{sourceName}' (vigil sources list shows them)");
                return 2;
            }

            var run = new IngestRun(context, new IngestSettings
            {
                BatchSize = Math.Clamp(parse.GetValue(batch), 1, 5_000),
                Source = sourceName,
                Columns = columns,
                DefaultSource = parse.GetValue(csvSource)!,
                Resume = parse.GetValue(resume),
            });
            try
            {
                await RunAsync(run, files, cancellationToken);
            }
            catch (ArgumentException exception)
            {
                error.WriteLine($"error: {exception.Message}");
                return 2;
            }

            foreach (var note in run.Notes)
            {
                error.WriteLine(note);
            }

            error.WriteLine(run.Summary());
            return run.DeadLettered == 0 ? 0 : 1;
        });
        return command;
    }

    private static async Task RunAsync(IngestRun run, List<string> files, CancellationToken cancellationToken)
    {
        if (Console.IsErrorRedirected || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            foreach (var file in files)
            {
                await run.IngestFileAsync(file, _ => { }, cancellationToken);
            }

            return;
        }

        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                foreach (var file in files)
                {
                    var task = progress.AddTask(Markup.Escape(Path.GetFileName(file)), maxValue: Math.Max(1, new FileInfo(file).Length));
                    await run.IngestFileAsync(file, read => task.Value = read, cancellationToken);
                    task.Value = task.MaxValue;
                }
            });
    }

    private static bool TryColumns(string[] pairs, out Dictionary<string, string> columns, out string? problem)
    {
        columns = new Dictionary<string, string>(StringComparer.Ordinal);
        problem = null;
        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0 || equals == pair.Length - 1)
            {
                problem = $"--map '{pair}': expected FIELD=Column";
                return false;
            }

            columns[pair[..equals].Trim()] = pair[(equals + 1)..].Trim();
        }

        return true;
    }

    private static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (Directory.Exists(path))
            {
                foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => f.EndsWith(".json", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
                        || f.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase) || IngestRun.IsCsv(f) || IngestRun.IsMail(f))
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
}
