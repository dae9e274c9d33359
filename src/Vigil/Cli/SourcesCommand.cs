using System.CommandLine;
using System.Text.Json;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil sources list</c> shows the mappings Vigil would use (shipped and overridden);
/// <c>vigil sources test MAPPING SAMPLE</c> compiles one mapping file and shows what it makes of a sample,
/// with OCSF validation findings and schema drift, for whoever is writing a new source.
/// </summary>
internal static class SourcesCommand
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };

    public static Command Create()
    {
        var command = new Command("sources", "Source mappings: list them, or try one on a sample.");
        command.Subcommands.Add(List());
        command.Subcommands.Add(Test());
        return command;
    }

    private static Command List()
    {
        var mappings = NormalizeCommand.MappingsOption();
        var command = new Command("list", "List the source mappings (shipped and overridden) with their OCSF classes, and the pull connectors' health from the store.") { mappings };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var output = parse.InvocationConfiguration.Output;
            var catalog = NormalizeCommand.LoadCatalog(parse, parse.GetValue(mappings));
            output.WriteLine($"{"SOURCE",-28} {"OCSF CLASSES",-28} {"AUTO",-5} ORIGIN / DESCRIPTION");
            foreach (var mapping in catalog.Mappings.OrderBy(m => m.Name, StringComparer.Ordinal))
            {
                var classes = string.Join(",", mapping.ClassUids.Order());
                var origin = mapping.Origin == "embedded" ? mapping.Description : $"{mapping.Origin} (override)";
                output.WriteLine($"{mapping.Name,-28} {classes,-28} {(mapping.CanAutoDetect ? "yes" : "no"),-5} {origin}");
            }

            await ListPollersAsync(parse, output, cancellationToken);
            return 0;
        });
        return command;
    }

    private static Command Test()
    {
        var mappingFile = new Argument<string>("mapping") { Description = "The mapping YAML file to try." };
        var sample = new Argument<string>("sample") { Description = "A sample event file (JSON, JSON lines or concatenated JSON)." };
        var command = new Command("test", "Compile a mapping and show the OCSF events, validation findings and drift it produces for a sample.") { mappingFile, sample };
        command.SetAction((parse, cancellationToken) => RunTestAsync(
            parse.GetRequiredValue(mappingFile), parse.GetRequiredValue(sample), parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    private static async Task<int> RunTestAsync(string mappingFile, string sample, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        SourceMapping mapping;
        try
        {
            mapping = MappingCatalog.CompileFile(mappingFile);
        }
        catch (MappingLoadException exception)
        {
            await error.WriteLineAsync(exception.Message);
            return 2;
        }

        var failures = 0;
        await using var input = File.OpenRead(sample);
        await foreach (var item in JsonEventReader.ReadAsync(input, cancellationToken))
        {
            await output.WriteLineAsync($"--- event {item.Index} (line {item.Line})");
            if (item.Element is not { } element)
            {
                failures++;
                await output.WriteLineAsync($"unreadable: {item.Error}");
                continue;
            }

            var result = mapping.Apply(element, item.Raw);
            failures += result.Succeeded ? 0 : 1;
            await output.WriteLineAsync($"matches shape: {(mapping.Matches(element) ? "yes" : "no")}");
            await output.WriteLineAsync(Describe(result));
        }

        return failures == 0 ? 0 : 1;
    }

    /// <summary>
    /// Pull connectors as their checkpoints record them (every node writes the same rows, so this is the cluster's view),
    /// when there is a store to read: --db, or a data directory that holds one. A list of mappings needs no store.
    /// </summary>
    private static async Task ListPollersAsync(ParseResult parse, TextWriter output, CancellationToken cancellationToken)
    {
        var location = CliContext.Location(parse);
        if (location.PostgresConnectionString is null && !File.Exists(Path.Combine(location.EffectiveDataDirectory, "vigil.db")))
        {
            return;
        }

        await using var context = await CliContext.OpenAsync(parse, cancellationToken, migrate: false);
        var pollers = await context.Store.ListCheckpointsAsync(IngestCheckpointKinds.Poller, cancellationToken);
        if (pollers.Count == 0)
        {
            return;
        }

        var now = DateTimeOffset.UtcNow;
        output.WriteLine();
        output.WriteLine($"{"POLLER",-20} {"EVENTS",10} {"LAST RUN",-20} {"LAST SUCCESS",-20} {"FAILS",5} {"LAG",10} {"NEXT RUN",-20} OWNER / LAST ERROR");
        foreach (var poller in pollers)
        {
            var lag = poller.NewestEventAt is { } newest ? $"{Math.Max(0, (now - newest).TotalSeconds):0}s" : "-";
            var tail = poller.ConsecutiveFailures > 0 && poller.LastError is { } error ? $"{poller.OwnerId} / {error}" : poller.OwnerId ?? "-";
            output.WriteLine($"{poller.Name["poller:".Length..],-20} {poller.EventsTotal,10} {Time(poller.LastRunAt),-20} {Time(poller.LastSuccessAt),-20} {poller.ConsecutiveFailures,5} {lag,10} {Time(poller.NextRunAt),-20} {tail}");
        }
    }

    private static string Time(DateTimeOffset? time) => time?.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture) ?? "-";

    private static string Describe(NormalizeResult result)
    {
        var lines = new List<string> { result.Succeeded ? "result: ok" : $"result: FAILED: {result.Failure}" };
        if (result.Event is { } normalized)
        {
            lines.Add($"title: {normalized.Title}");
            lines.Add($"class: {normalized.Class.ClassUid} {normalized.Class.ClassName}, activity {normalized.ActivityId}, severity {normalized.SeverityId}, time {normalized.Time:O}");
            lines.Add($"source_ref: {normalized.SourceRef ?? "-"}");
            lines.Add($"entities: {string.Join(", ", normalized.Entities.Select(e => e.Key))}");
            lines.Add($"fingerprint: {normalized.Fingerprint.Value} ({string.Join(", ", normalized.Fingerprint.Fields.Select(f => $"{f.Path}={f.Value}"))})");
            lines.Add(normalized.Ocsf.ToJsonString(Indented));
        }

        lines.AddRange(result.Findings.Select(f => $"ocsf {f}"));
        lines.AddRange(result.Drift.MissingFields.Select(f => $"drift: missing field {f}"));
        lines.AddRange(result.Drift.NewFields.Select(f => $"drift: new field {f} (kept in unmapped)"));
        lines.AddRange(result.Drift.RetypedFields.Select(f => $"drift: retyped {f}"));
        return string.Join(Environment.NewLine, lines);
    }

}
