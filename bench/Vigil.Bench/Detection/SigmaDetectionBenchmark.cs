using BenchmarkDotNet.Attributes;
using Vigil.Detection.Engine;
using Vigil.Detection.Events;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;

namespace Vigil.Bench.Detection;

/// <summary>
/// Per-event cost of the Sigma engine on the OTRF Windows events (546 events, Sysmon + Security), with the
/// SigmaHQ r2026-04-01 pack's Windows rules: JSON parsing alone, evaluation alone, and both.
/// Run: dotnet run -c Release --project bench/Vigil.Bench -- --filter '*SigmaDetection*'
/// The macro view (1M events, 10/100/1,000/all rules) is `vigil bench detect`.
/// </summary>
[MemoryDiagnoser]
public class SigmaDetectionBenchmark
{
    private byte[] _json = [];
    private IReadOnlyList<SigmaEvent> _events = [];
    private SigmaEngine _engine = null!;
    private readonly List<SigmaMatch> _matches = [];

    [Params(100, 0)]
    public int RuleCount { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var root = FindRoot();
        var otrf = Path.Combine(root, "tests", "fixtures", "otrf");
        _json = [.. Directory.GetFiles(otrf, "*.jsonl").Order(StringComparer.Ordinal).SelectMany(f => File.ReadAllBytes(f).Append((byte)'\n'))];
        _events = JsonEventReader.ReadAll(_json);
        var loaded = SigmaRuleLoader.Load(Path.Combine(root, "tests", "fixtures", "sigmahq", "sigmahq_rules_r2026-04-01_attack-v18.tar.gz"));
        var windows = loaded.Rules.Where(r => r.LogSource.Product == "windows").ToList();
        var selected = RuleCount == 0 ? windows : [.. Enumerable.Range(0, RuleCount).Select(i => windows[i * windows.Count / RuleCount])];
        _engine = SigmaEngine.Compile(selected, [], SigmaPipelineLoader.LoadFile(Path.Combine(root, "content", "pipelines", "windows.yml")));
    }

    [Benchmark(Description = "parse 546 events")]
    public int Parse() => JsonEventReader.ReadAll(_json).Count;

    [Benchmark(Description = "evaluate 546 events (0 = all Windows rules)")]
    public int Evaluate()
    {
        var total = 0;
        foreach (var sigmaEvent in _events)
        {
            _matches.Clear();
            _engine.Evaluate(sigmaEvent, _matches);
            total += _matches.Count;
        }

        return total;
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Vigil.slnx")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Vigil.slnx not found above " + AppContext.BaseDirectory);
    }
}
