using System.Formats.Tar;
using System.IO.Compression;
using Vigil.Detection.Engine;
using Vigil.Detection.Loading;
using Vigil.Detection.Pipelines;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Hunt;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Hunt;

/// <summary>
/// OTRF Security-Datasets scenarios through the whole hunt: each dataset becomes one case carrying its labelled
/// technique, and the same activity replayed on another host by another user (noise for this case) stays apart.
/// </summary>
public sealed class OtrfHuntTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    // A slice of the SigmaHQ pack (rules about BITS, logon scripts, autoruns, environment variables and registry edits
    // from the command line) so a test compiles tens of rules, not 3,700; the full pack is exercised in Detection tests.
    private static readonly Lazy<SigmaEngine> Engine = new(() =>
    {
        using var directory = new TempDirectory("vigil-hunt-rules");
        using (var archive = new GZipStream(File.OpenRead(SharedFixtures.Path("sigmahq_rules_r2026-04-01_attack-v18.tar.gz")), CompressionMode.Decompress))
        using (var tar = new TarReader(archive))
        {
            string[] slice = ["bits", "logon_script", "autorun_keys", "environment_variable", "proc_creation_win_reg_"];
            while (tar.GetNextEntry() is { } entry)
            {
                var name = Path.GetFileName(entry.Name);
                if (entry.EntryType is TarEntryType.RegularFile or TarEntryType.V7RegularFile && entry.Name.Contains("/rules", StringComparison.Ordinal)
                    && entry.Name.Contains("/windows/", StringComparison.Ordinal) && name.EndsWith(".yml", StringComparison.Ordinal)
                    && slice.Any(s => name.Contains(s, StringComparison.Ordinal)))
                {
                    entry.ExtractToFile(directory.File(name), overwrite: true);
                }
            }
        }

        return SigmaEngine.Compile(SigmaRuleLoader.Load(directory.Path), SigmaPipelineLoader.LoadFile(RepositoryPaths.Combine("content", "pipelines", "windows.yml")));
    });

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string> Scenarios()
    {
        var rows = File.ReadAllLines(SharedFixtures.Path(Path.Combine("otrf", "INDEX.csv"))).Skip(1).Select(line => line.Split(','));
        return [.. rows.Where(r => r.Length > 3).Select(r => (r[0], r[3]))];
    }

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Hunt_OtrfDataset_OneCaseWithLabelledTechniqueAndReplayElsewhereKeptApart(string dataset, string techniques)
    {
        using var directory = new TempDirectory("vigil-hunt");
        var events = SharedFixtures.Path(Path.Combine("otrf", dataset));
        // The same activity at the same moments on LAPTOP9 by mallory: related in kind, unrelated in entities.
        var noise = directory.File("noise.jsonl");
        await File.WriteAllTextAsync(noise, (await File.ReadAllTextAsync(events, Ct))
            .Replace("WORKSTATION5", "LAPTOP9", StringComparison.OrdinalIgnoreCase)
            .Replace("wardog", "mallory", StringComparison.OrdinalIgnoreCase), Ct);

        var report = await HuntAsync(directory, [events, noise]);

        var workstation = Entity.Create(EntityType.Host, "workstation5");
        var laptop = Entity.Create(EntityType.Host, "laptop9");
        var scenario = Assert.Single(report.Cases, c => c.Entities.Contains(workstation));
        var seen = scenario.Timeline.Tactics.SelectMany(t => t.Techniques).Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var technique in techniques.Split(';', StringSplitOptions.RemoveEmptyEntries))
        {
            Assert.Contains(technique, seen);
        }

        Assert.DoesNotContain(laptop, scenario.Entities);
        Assert.DoesNotContain(Entity.Create(EntityType.User, "laptop9\\mallory"), scenario.Entities);
        var replay = Assert.Single(report.Cases, c => c.Entities.Contains(laptop));
        Assert.DoesNotContain(workstation, replay.Entities);
        Assert.Equal(report.Matches, report.Cases.Sum(c => c.Case.AlertCount));
        Assert.Single(scenario.Reasons, reason => reason.StartsWith("opened: ", StringComparison.Ordinal));
        Assert.All(scenario.Reasons.Where(reason => !reason.StartsWith("opened: ", StringComparison.Ordinal)), reason =>
        {
            Assert.StartsWith("joined: same ", reason, StringComparison.Ordinal);
            Assert.Contains("host workstation5", reason, StringComparison.Ordinal);
        });
    }

    [Fact]
    public async Task Hunt_BothDatasetsDaysApartOnOneHost_TwoCasesAndRerunStoresNothingNew()
    {
        using var directory = new TempDirectory("vigil-hunt");
        string[] files = [SharedFixtures.Path(Path.Combine("otrf", "cmd_bitsadmin_download_psh_script.jsonl")), SharedFixtures.Path(Path.Combine("otrf", "cmd_userinitmprlogonscript_batch.jsonl"))];

        var (first, again) = await HuntTwiceAsync(directory, files);

        Assert.Equal(2, first.Cases.Count);
        Assert.Contains(first.Cases, c => c.Timeline.Tactics.Any(t => t.Techniques.Any(x => x.Id == "T1197")));
        Assert.Contains(first.Cases, c => c.Timeline.Tactics.Any(t => t.Techniques.Any(x => x.Id == "T1037.001")));
        Assert.Equal(0, again.AlertsStored);
        Assert.Equal(first.AlertsStored, again.AlertsDeduplicated);
        Assert.All(first.Cases, c => Assert.Equal("rule", c.Entities.Last(e => e.Type == EntityType.Rule).Type.ToWire()));
    }

    private static async Task<HuntReport> HuntAsync(TempDirectory directory, string[] files) => (await HuntTwiceAsync(directory, files, twice: false)).First;

    private static async Task<(HuntReport First, HuntReport Again)> HuntTwiceAsync(TempDirectory directory, string[] files, bool twice = true)
    {
        var store = new StoreFactory().Open(new StoreLocation { DataDirectory = Path.Combine(directory.Path, "data") });
        try
        {
            await store.MigrateAsync(Ct);
            var policy = GroupingPolicyLoader.LoadDefault();
            var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(Now);
            await using var ingestor = new AlertIngestor(store, new EntityGroupingAssigner(policy), time);
            var runner = new HuntRunner(Engine.Value, MappingCatalog.Load(), ingestor, store, new CorrelationViews(store, policy), time);
            var actor = new Actor(ActorKind.Human, "cli/test");
            var first = await runner.RunAsync(files, actor, Ct);
            return (first, twice ? await runner.RunAsync(files, actor, Ct) : first);
        }
        finally
        {
            await store.DisposeAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }
    }
}
