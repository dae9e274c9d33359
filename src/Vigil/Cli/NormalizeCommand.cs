using System.CommandLine;
using System.Text.Json;
using Vigil.Pipeline.Normalize;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil normalize --source NAME FILE</c>: vendor events in, OCSF 1.8.0 events out as JSON lines, no server.
/// Failures (with the event's position and the reason) and a summary go to stderr, so stdout stays machine-readable.
/// </summary>
internal static class NormalizeCommand
{
    public static Option<string?> MappingsOption() => new("--mappings")
    {
        Description = "Directory of mapping YAML files that add to or replace the shipped ones (default: <data>/mappings when it exists).",
    };

    public static Command Create()
    {
        var source = new Option<string>("--source") { Description = "Mapping name (see 'vigil sources list'), or 'auto' to recognise each event by its shape.", Required = true };
        var noValidate = new Option<bool>("--no-validate") { Description = "Emit events even when they fail OCSF 1.8.0 validation." };
        var mappings = MappingsOption();
        var file = new Argument<string>("file") { Description = "JSON lines, a JSON array or concatenated JSON objects; '-' reads stdin." };
        var command = new Command("normalize", "Map vendor events onto OCSF 1.8.0 and print them as JSON lines.") { source, noValidate, mappings, file };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(source), parse.GetRequiredValue(file), !parse.GetValue(noValidate), LoadCatalog(parse, parse.GetValue(mappings)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error, cancellationToken));
        return command;
    }

    /// <summary>The shipped mappings plus the override directory (explicit, or the data directory's mappings/ when present).</summary>
    public static MappingCatalog LoadCatalog(ParseResult parse, string? mappingsDirectory)
    {
        var directory = mappingsDirectory;
        if (directory is null)
        {
            var dataMappings = Path.Combine(parse.GetValue(GlobalOptions.Data) ?? "vigil-data", "mappings");
            directory = Directory.Exists(dataMappings) ? dataMappings : null;
        }

        return MappingCatalog.Load(directory);
    }

    private static async Task<int> RunAsync(string source, string file, bool validate, MappingCatalog catalog, TextWriter output, TextWriter error, CancellationToken cancellationToken)
    {
        if (source != MappingCatalog.Auto && !catalog.TryGet(source, out _))
        {
            await error.WriteLineAsync($"no mapping named '{source}'; known: {string.Join(", ", catalog.Mappings.Select(m => m.Name).Order(StringComparer.Ordinal))}");
            return 2;
        }

        await using var input = file == "-" ? Console.OpenStandardInput() : File.OpenRead(file);
        var tally = new Tally();
        await foreach (var item in JsonEventReader.ReadAsync(input, cancellationToken))
        {
            var result = item.Element is { } element
                ? catalog.Normalize(source, element, item.Raw, validate)
                : NormalizeResult.Failed(source, item.Error ?? "unreadable event");
            tally.Count(result);
            if (result.Succeeded)
            {
                await output.WriteLineAsync(result.Event!.Ocsf.ToJsonString());
            }
            else
            {
                await error.WriteLineAsync($"event {item.Index} (line {item.Line}): {result.Source}: {result.Failure}");
            }
        }

        await error.WriteLineAsync(tally.Summary());
        return tally.Failed == 0 ? 0 : 1;
    }

    /// <summary>Counts for the normalise summary line: per source, how many events mapped, failed and drifted.</summary>
    private sealed class Tally
    {
        private readonly SortedDictionary<string, (int Ok, int Failed, int Drifted)> _bySource = new(StringComparer.Ordinal);

        public int Failed { get; private set; }

        public int Succeeded { get; private set; }

        public void Count(NormalizeResult result)
        {
            var (ok, failed, drifted) = _bySource.GetValueOrDefault(result.Source);
            if (result.Succeeded)
            {
                ok++;
                Succeeded++;
            }
            else
            {
                failed++;
                Failed++;
            }

            _bySource[result.Source] = (ok, failed, drifted + (result.Drift.IsEmpty ? 0 : 1));
        }

        public string Summary() =>
            $"normalised {Succeeded}, failed {Failed}"
            + (_bySource.Count == 0 ? "" : " (" + string.Join("; ", _bySource.Select(s => $"{s.Key}: {s.Value.Ok} ok, {s.Value.Failed} failed, {s.Value.Drifted} with drift")) + ")");
    }
}
