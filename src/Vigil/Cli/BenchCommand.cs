using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigil.Detection.Engine;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;
using Vigil.Detection.Rules;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil bench ...</c>: macro benchmarks that print figures for docs/benchmarks.md. <c>detect</c> measures,
/// on one in-memory input and single-threaded, JSON parsing alone (the floor) and parsing + detection with
/// 10, 100, 1,000 and all Windows rules of a pack.
/// </summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Macro benchmarks that print throughput figures.");
        command.Subcommands.Add(CreateDetect());
        command.Subcommands.Add(BenchNormalizeCommand.Create());
        command.Subcommands.Add(BenchIngestCommand.Create());
        command.Subcommands.Add(BenchSyslogCommand.Create());
        command.Subcommands.Add(BenchEnrichCommand.Create());
        command.Subcommands.Add(BenchCorrelateCommand.Create());
        return command;
    }

    private static Command CreateDetect()
    {
        var rules = new Option<string>("--rules") { Description = "Rule pack (directory, .yml or .tar.gz).", Required = true };
        var events = new Option<string>("--events") { Description = "Windows event file(s) (JSON lines) repeated in memory to --count events.", Required = true };
        var count = new Option<int>("--count") { Description = "Events per measurement.", DefaultValueFactory = _ => 1_000_000 };
        var pipeline = DetectCommand.PipelineOption();
        var profile = new Option<int>("--profile") { Description = "After the measurements, list the N rules that cost the most time with all Windows rules loaded." };
        var command = new Command("detect", "Measure JSON parsing alone and detection with 10, 100, 1,000 and all Windows rules.")
        {
            rules, events, count, pipeline, profile,
        };
        command.SetAction(parse => Run(
            parse.GetRequiredValue(rules), parse.GetRequiredValue(events), parse.GetRequiredValue(count),
            SigmaPipelines.Resolve(parse.GetRequiredValue(pipeline)), parse.GetValue(profile), parse.InvocationConfiguration.Output));
        return command;
    }

    private static int Run(string rulesPath, string eventsPath, int count, SigmaPipeline pipeline, int profileTop, TextWriter output)
    {
        // CPU time beside wall time: on a shared machine the wall figure measures the neighbours as much as the code.
        using var self = Process.GetCurrentProcess();
        var cpuStart = self.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        var loaded = SigmaRuleLoader.Load(rulesPath);
        var loadSeconds = clock.Elapsed.TotalSeconds;
        var all = SigmaEngine.Compile(loaded, pipeline);
        var compileSeconds = clock.Elapsed.TotalSeconds - loadSeconds;
        self.Refresh();
        var cpuSeconds = (self.TotalProcessorTime - cpuStart).TotalSeconds;
        output.WriteLine(Invariant($"pack: {loaded.Rules.Count} rules read in {loadSeconds:F2} s, {all.Rules.Count + all.Inactive.Count} compiled in {compileSeconds:F2} s ({all.Rules.Count} apply to pipeline '{pipeline.Name}') (load+compile {clock.Elapsed.TotalSeconds:F2} s wall, {cpuSeconds:F2} s CPU on {Environment.ProcessorCount} cores)"));

        var windows = all.Rules.Select(r => r.Rule).Where(r => string.Equals(r.LogSource.Product, "windows", StringComparison.OrdinalIgnoreCase)).ToList();
        var input = EventInput.Create(eventsPath, count);
        output.WriteLine(Invariant($"input: {input.EventsPerCopy} events ({input.Content.Length:N0} bytes) repeated {input.Copies}x = {input.Events:N0} events, single thread"));

        Warm(input, pipeline, windows);
        var parse = Measure(input, null, out _);
        output.WriteLine(Invariant($"{"",-26} {"events/s",12} {"per CPU-s",12}"));
        output.WriteLine(Invariant($"{"JSON parse only",-26} {parse.Wall,12:N0} {parse.Cpu,12:N0}   1.00x parse time"));
        foreach (var size in new[] { 10, 100, 1000, windows.Count })
        {
            if (size > windows.Count)
            {
                continue;
            }

            var engine = SigmaEngine.Compile(Sample(windows, size), [], pipeline);
            var rate = Measure(input, engine, out var matches);
            var label = size == windows.Count ? $"all {size} Windows rules" : $"{size} Windows rules";
            output.WriteLine(Invariant($"{label,-26} {rate.Wall,12:N0} {rate.Cpu,12:N0}   {parse.Cpu / rate.Cpu:F2}x parse time   {matches:N0} matches"));
        }

        if (profileTop > 0)
        {
            PrintProfile(input, SigmaEngine.Compile(windows, [], pipeline), profileTop, output);
        }

        return 0;
    }

    private static void PrintProfile(EventInput input, SigmaEngine engine, int top, TextWriter output)
    {
        var profile = engine.CreateProfile();
        var matches = new List<SigmaMatch>();
        using (var reader = new JsonEventReader(input.Open()))
        {
            while (reader.TryRead(out var sigmaEvent))
            {
                matches.Clear();
                engine.Evaluate(sigmaEvent, matches, profile);
            }
        }

        output.WriteLine(Invariant($"rule evaluation time over {profile.Events:N0} events: {profile.Total.TotalMilliseconds:N0} ms ({engine.PrefilteredCount} of {engine.Rules.Count} rules prefiltered, {engine.UnroutedCount} unrouted); costliest:"));
        foreach (var cost in profile.Costliest(top))
        {
            var share = cost.Time / profile.Total;
            output.WriteLine(Invariant($"  {cost.Time.TotalMilliseconds,8:N1} ms {share,6:P1} {cost.Evaluations,10:N0} evals {(cost.Prefiltered ? "pf" : "--")}  {cost.Rule.Rule.Location}  {cost.Rule.Rule.Title}"));
        }
    }

    /// <summary>An even spread over the pack (every k-th rule), not the first folder's rules.</summary>
    private static List<SigmaRule> Sample(List<SigmaRule> rules, int size) =>
        [.. Enumerable.Range(0, size).Select(i => rules[(int)((long)i * rules.Count / size)])];

    private static void Warm(EventInput input, SigmaPipeline pipeline, List<SigmaRule> rules)
    {
        var engine = SigmaEngine.Compile(rules, [], pipeline);
        var matches = new List<SigmaMatch>();
        using var reader = new JsonEventReader(input.Open());
        for (var i = 0; i < 50_000 && reader.TryRead(out var sigmaEvent); i++)
        {
            matches.Clear();
            engine.Evaluate(sigmaEvent, matches);
        }
    }

    /// <summary>Events per wall-clock second, and per CPU-second of this process (steadier on a shared machine).</summary>
    private static (double Wall, double Cpu) Measure(EventInput input, SigmaEngine? engine, out long matchCount)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var matches = new List<SigmaMatch>();
        matchCount = 0;
        long events = 0;
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        using (var reader = new JsonEventReader(input.Open()))
        {
            while (reader.TryRead(out var sigmaEvent))
            {
                events++;
                if (engine is not null)
                {
                    matches.Clear();
                    engine.Evaluate(sigmaEvent, matches);
                    matchCount += matches.Count;
                }
            }
        }

        var wall = events / clock.Elapsed.TotalSeconds;
        process.Refresh();
        return (wall, events / (process.TotalProcessorTime - cpuBefore).TotalSeconds);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Event files concatenated once in memory and replayed as a stream, so a million events cost no memory.</summary>
    private sealed record EventInput(byte[] Content, int EventsPerCopy, int Copies)
    {
        public long Events => (long)EventsPerCopy * Copies;

        public static EventInput Create(string path, int count)
        {
            var files = File.Exists(path)
                ? [path]
                : Directory.EnumerateFiles(path, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
            using var buffer = new MemoryStream();
            foreach (var file in files)
            {
                buffer.Write(File.ReadAllBytes(file));
                buffer.WriteByte((byte)'\n');
            }

            var content = buffer.ToArray();
            var perCopy = JsonEventReader.ReadAll(content).Count;
            if (perCopy == 0)
            {
                throw new InvalidDataException($"no events in '{path}'");
            }

            return new EventInput(content, perCopy, (count + perCopy - 1) / perCopy);
        }

        public Stream Open() => new RepeatingStream(Content, Copies);
    }

    private sealed class RepeatingStream(byte[] content, int copies) : Stream
    {
        private long _position;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => (long)content.Length * copies;

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (_position >= Length)
            {
                return 0;
            }

            var within = (int)(_position % content.Length);
            var n = Math.Min(count, content.Length - within);
            Buffer.BlockCopy(content, within, buffer, offset, n);
            _position += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
