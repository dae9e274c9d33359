using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Enrich;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Enrich.Sources.Local;
using Vigil.Pipeline.Ports;
using Vigil.Storage;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil bench enrich</c>: lookups per second of the local enrichment sources. Intel: an index of N generated
/// indicators (addresses, networks, domains, URLs, hashes, emails) matched against a mix of entities, half of them
/// hits (exact, in-network, subdomain, URL host); context: asset and identity lookups against a SQLite store holding
/// generated records, through the same sources the enrich job uses. Rates are per CPU-second of this process, not wall
/// time, because the shared 2-core machine's wall clock measures the other jobs.
/// </summary>
internal static class BenchEnrichCommand
{
    public static Command Create()
    {
        var indicators = new Option<int>("--indicators") { Description = "Indicators in the intel index.", DefaultValueFactory = _ => 100_000 };
        var lookups = new Option<int>("--lookups") { Description = "Lookups per figure.", DefaultValueFactory = _ => 200_000 };
        var records = new Option<int>("--records") { Description = "Assets and identities in the context store.", DefaultValueFactory = _ => 10_000 };
        var command = new Command("enrich", "Measure local enrichment lookups: intel matching and context store lookups.") { indicators, lookups, records };
        command.SetAction((parse, cancellationToken) => RunAsync(
            parse.GetRequiredValue(indicators), parse.GetRequiredValue(lookups), parse.GetRequiredValue(records), parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(int indicatorCount, int lookupCount, int recordCount, TextWriter output, CancellationToken cancellationToken)
    {
        output.WriteLine(Invariant($"{Environment.ProcessorCount} cores, load average {LoadAverage()}; rates per CPU-second of this process, single thread"));
        var generated = Indicators(indicatorCount);
        var (index, buildSeconds) = Cpu(() => new IndicatorIndex(generated, TimeProvider.System));
        output.WriteLine(Invariant($"intel index: {index.Count:N0} indicators built in {buildSeconds:F2} CPU-s"));
        var entities = Queries(Math.Min(lookupCount, 100_000), indicatorCount);
        long hits = 0;
        var (_, matchSeconds) = Cpu(() =>
        {
            for (var i = 0; i < lookupCount; i++)
            {
                hits += index.Match(entities[i % entities.Length]).Count;
            }

            return 0;
        });
        output.WriteLine(Invariant($"{"intel match (mixed types)",-34} {lookupCount / matchSeconds,12:N0} lookups/s   {hits:N0} matches"));

        var directory = Path.Combine(Path.GetTempPath(), "vigil-bench-enrich-" + Guid.NewGuid().ToString("N"));
        try
        {
            await using var store = new StoreFactory().Open(new StoreLocation { DataDirectory = directory });
            await store.MigrateAsync(cancellationToken);
            var writer = new ContextWriter(store, new IntelIndexCache(store, TimeProvider.System), TimeProvider.System);
            var clock = Stopwatch.StartNew();
            await writer.StoreAssetsAsync([.. Enumerable.Range(0, recordCount).Select(Asset)], Actor.System, null, cancellationToken);
            await writer.StoreIdentitiesAsync([.. Enumerable.Range(0, recordCount).Select(Identity)], Actor.System, null, cancellationToken);
            output.WriteLine(Invariant($"context store: {recordCount:N0} assets and {recordCount:N0} identities imported in {clock.Elapsed.TotalSeconds:F2} s wall (SQLite, batches of {ContextWriter.BatchSize})"));

            var storeLookups = Math.Min(lookupCount, 20_000);
            await MeasureAsync(output, "assets by host name (store)", new AssetSource(store, TimeProvider.System), i => Entity.Create(EntityType.Host, $"host-{i % (recordCount * 2):D6}"), storeLookups, cancellationToken);
            await MeasureAsync(output, "assets by address (store)", new AssetSource(store, TimeProvider.System), i => Entity.Create(EntityType.Ip, Address(i % (recordCount * 2))), storeLookups, cancellationToken);
            await MeasureAsync(output, "identities by account (store)", new IdentitySource(store, TimeProvider.System), i => Entity.Create(EntityType.User, $"corp\\user{i % (recordCount * 2):D6}"), storeLookups, cancellationToken);

            var directoryIndex = new ContextDirectory(Enumerable.Range(0, recordCount).Select(Asset), Enumerable.Range(0, recordCount).Select(Identity), []);
            var hosts = Enumerable.Range(0, 10_000).Select(i => Entity.Create(EntityType.Host, $"host-{i % (recordCount * 2):D6}")).ToArray();
            var (_, inMemory) = Cpu(() =>
            {
                for (var i = 0; i < lookupCount; i++)
                {
                    directoryIndex.Lookup(hosts[i % hosts.Length]);
                }

                return 0;
            });
            output.WriteLine(Invariant($"{"assets by host name (in memory)",-34} {lookupCount / inMemory,12:N0} lookups/s"));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }

        return 0;
    }

    private static async Task MeasureAsync(TextWriter output, string label, IEnrichmentSource source, Func<int, Entity> entity, int count, CancellationToken cancellationToken)
    {
        var found = 0;
        for (var i = 0; i < 500; i++)
        {
            await source.LookupAsync(entity(i), cancellationToken);
        }

        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            if ((await source.LookupAsync(entity(i), cancellationToken)).Status == EnrichmentStatus.Found)
            {
                found++;
            }
        }

        var seconds = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
        output.WriteLine(Invariant($"{label,-34} {count / seconds,12:N0} lookups/s   ({count / wall.Elapsed.TotalSeconds:N0}/s wall, {found:N0} of {count:N0} found)"));
    }

    private static (T Result, double CpuSeconds) Cpu<T>(Func<T> work)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        var result = work();
        process.Refresh();
        return (result, Math.Max((process.TotalProcessorTime - before).TotalSeconds, 1e-6));
    }

    private static List<Indicator> Indicators(int count)
    {
        var list = new List<Indicator>(count);
        for (var i = 0; i < count; i++)
        {
            var (type, value) = (i % 6) switch
            {
                0 => (IndicatorType.Ip, Address(i)),
                1 => (IndicatorType.Cidr, $"{20 + (i % 200)}.{(i / 7) % 256}.{(i / 11) % 256}.0/24"),
                2 => (IndicatorType.Domain, $"bad{i}.example"),
                3 => (IndicatorType.Url, $"https://bad{i}.example/login?id={i}"),
                4 => (IndicatorType.Sha256, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))),
                _ => (IndicatorType.Email, $"phish{i}@bad.example"),
            };
            list.Add(new Indicator { Type = type, Value = value, Confidence = 70, Source = "bench", OriginId = $"bench:{i}" });
        }

        return list;
    }

    /// <summary>Half hits (exact, in a listed network, a subdomain of a listed domain, a URL on a listed host), half misses.</summary>
    private static Entity[] Queries(int count, int indicators) =>
        [.. Enumerable.Range(0, count).Select(i =>
        {
            var n = (i * 7919) % Math.Max(indicators, 1);
            var miss = i % 2 == 1;
            return (i % 5) switch
            {
                0 => Entity.Create(EntityType.Ip, miss ? $"9.9.{n % 256}.{(n / 256) % 256}" : Address(n - (n % 6))),
                1 => Entity.Create(EntityType.Ip, miss ? "8.8.4.4" : $"{20 + ((n - (n % 6) + 1) % 200)}.{((n - (n % 6) + 1) / 7) % 256}.{((n - (n % 6) + 1) / 11) % 256}.77"),
                2 => Entity.Create(EntityType.Domain, miss ? $"good{n}.example" : $"www.bad{n - (n % 6) + 2}.example"),
                3 => Entity.Create(EntityType.Url, miss ? $"https://good{n}.example/" : $"https://cdn.bad{n - (n % 6) + 2}.example/x"),
                _ => Entity.Create(EntityType.FileHash, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(miss ? -n - 1 : n - (n % 6) + 4)))),
            };
        })];

    private static string Address(int i) => $"{11 + (i % 200)}.{(i / 200) % 256}.{(i / 51_200) % 256}.{1 + (i % 250)}";

    private static AssetContext Asset(int i) => new()
    {
        HostName = $"host-{i:D6}",
        IpAddresses = [Address(i)],
        Owner = "team-" + (i % 40),
        Criticality = (Criticality)(i % 4),
        Exposure = i % 10 == 0 ? Exposure.InternetFacing : Exposure.Internal,
        Environment = DeploymentEnvironment.Production,
    };

    private static IdentityContext Identity(int i) => new()
    {
        UserName = $"corp\\user{i:D6}",
        Email = $"user{i:D6}@corp.example",
        Department = "dept-" + (i % 25),
        Manager = "boss",
        Lifecycle = LifecycleState.Active,
        Privileged = i % 50 == 0,
    };

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
