using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Pipeline.Normalize;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil bench normalize</c>: events normalised per second on one thread (= per core) for each shipped mapping,
/// over sample payloads replayed in memory. Three figures per mapping: mapping alone (events already parsed),
/// mapping + OCSF validation, and JSON parse + mapping + validation (what <c>vigil normalize</c> pays per event).
/// Rates are per second of this process's CPU time, not wall time: on the shared 2-core machine the wall clock
/// measured the other jobs (load average 30 gave wall-clock rates 10-20x below the CPU-time ones).
/// </summary>
internal static class BenchNormalizeCommand
{
    public static Command Create()
    {
        var samples = new Option<string>("--samples")
        {
            Description = "Directory of sample payloads (each file's events are recognised with --source auto).",
            DefaultValueFactory = _ => Path.Combine("tests", "fixtures", "payloads"),
        };
        var count = new Option<int>("--count") { Description = "Events per measurement and mapping.", DefaultValueFactory = _ => 200_000 };
        var command = new Command("normalize", "Measure normalisation throughput per shipped mapping, single-threaded.") { samples, count };
        command.SetAction((parse, cancellationToken) => RunAsync(parse.GetRequiredValue(samples), parse.GetRequiredValue(count), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(string samplesDirectory, int count, TextWriter output, CancellationToken cancellationToken)
    {
        var catalog = MappingCatalog.Load();
        var bySource = new SortedDictionary<string, List<(JsonElement Element, byte[] Utf8, string Raw)>>(StringComparer.Ordinal);
        foreach (var file in Directory.EnumerateFiles(samplesDirectory).Order(StringComparer.Ordinal))
        {
            await using var stream = File.OpenRead(file);
            await foreach (var item in JsonEventReader.ReadAsync(stream, cancellationToken))
            {
                if (item.Element is { } element && catalog.Detect(element) is { } mapping && mapping.Apply(element, item.Raw).Succeeded)
                {
                    if (!bySource.TryGetValue(mapping.Name, out var events))
                    {
                        events = [];
                        bySource[mapping.Name] = events;
                    }

                    events.Add((element, Encoding.UTF8.GetBytes(item.Raw), item.Raw));
                }
            }
        }

        output.WriteLine(Invariant($"{bySource.Values.Sum(v => v.Count)} sample events from {samplesDirectory}, {count:N0} events per figure, single thread, rates per CPU-second"));
        output.WriteLine(Invariant($"{"mapping",-30} {"samples",7} {"map only/s",12} {"map+validate/s",15} {"parse+map+validate/s",21}"));
        foreach (var (name, events) in bySource)
        {
            catalog.TryGet(name, out var mapping);
            // Warm every path first: tiered compilation recompiles hot methods on a background thread whose CPU time
            // counts here, so a path measured before it was warm read up to 40% slow (map only below map + validation).
            Measure(mapping, events, Math.Min(count, 20_000), validate: false, parse: false);
            Measure(mapping, events, Math.Min(count, 20_000), validate: true, parse: true);
            var mapOnly = Measure(mapping, events, count, validate: false, parse: false);
            var validated = Measure(mapping, events, count, validate: true, parse: false);
            var parsed = Measure(mapping, events, count, validate: true, parse: true);
            output.WriteLine(Invariant($"{name,-30} {events.Count,7} {mapOnly,12:N0} {validated,15:N0} {parsed,21:N0}"));
        }

        return 0;
    }

    private static double Measure(SourceMapping mapping, List<(JsonElement Element, byte[] Utf8, string Raw)> events, int count, bool validate, bool parse)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var failures = 0;
        var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        for (var i = 0; i < count; i++)
        {
            var (element, utf8, raw) = events[i % events.Count];
            if (parse)
            {
                element = JsonElement.Parse(utf8);
            }

            failures += mapping.Apply(element, raw, validate).Succeeded ? 0 : 1;
        }

        process.Refresh();
        var rate = count / (process.TotalProcessorTime - cpuBefore).TotalSeconds;
        return failures == 0 ? rate : throw new InvalidOperationException($"{mapping.Name}: {failures} events failed during the benchmark");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
