using System.CommandLine;
using System.Text.Json;
using Vigil.Pipeline.Normalize;

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
        var command = new Command("list", "List the source mappings (shipped and overridden) with their OCSF classes.") { mappings };
        command.SetAction(parse =>
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
