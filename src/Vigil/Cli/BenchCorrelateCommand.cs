using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;
using Vigil.Storage;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil bench correlate</c>: the cost of grouping one alert into a case with a large store behind it. Seeds
/// --cases open cases of one alert each, with --entities-per-case distinct entities apiece (100,000 × 10 = 1 million
/// entities by default), through the real ingest path, then ingests --alerts new alerts in 500-alert transactions with
/// the default grouping policy and times each assignment decision (the indexed lookup and the choice).
/// </summary>
internal static class BenchCorrelateCommand
{
    private static readonly Option<int> Cases = new("--cases") { Description = "Open cases to seed.", DefaultValueFactory = _ => 100_000 };
    private static readonly Option<int> EntitiesPerCase = new("--entities-per-case") { Description = "Distinct entities per seeded case (at most 10).", DefaultValueFactory = _ => 10 };
    private static readonly Option<int> Alerts = new("--alerts") { Description = "Alerts to assign and time.", DefaultValueFactory = _ => 5_000 };

    private static readonly DateTimeOffset Start = new(2026, 1, 5, 0, 0, 0, TimeSpan.Zero);

    public static Command Create()
    {
        var command = new Command("correlate", "Measure grouping (alert → case) with a large store: a fresh SQLite store, or an empty PostgreSQL database with --db.");
        command.Options.Add(Cases);
        command.Options.Add(EntitiesPerCase);
        command.Options.Add(Alerts);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        var location = CliContext.Location(parse);
        var scratch = location.PostgresConnectionString is null ? Path.Combine(Path.GetTempPath(), "vigil-bench-" + Guid.NewGuid().ToString("N")) : null;
        location = scratch is null ? location : location with { DataDirectory = scratch };
        var cases = parse.GetValue(Cases);
        var perCase = Math.Clamp(parse.GetValue(EntitiesPerCase), 1, 10);
        var alerts = parse.GetValue(Alerts);
        try
        {
            await using var store = new StoreFactory().Open(location);
            await store.MigrateAsync(cancellationToken);
            if ((await store.GetStatsAsync(cancellationToken)).Alerts > 0)
            {
                parse.InvocationConfiguration.Error.WriteLine("bench correlate needs an empty store: it seeds its own cases");
                return 2;
            }

            output.WriteLine($"vigil bench correlate: {store.Mode.ToString().ToLowerInvariant()} store ({store.Description}), {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {BenchMachine.LoadAverage()}");
            var clock = Stopwatch.StartNew();
            await using (var seeder = new AlertIngestor(store, new OneCasePerAlertAssigner(), TimeProvider.System))
            {
                for (var start = 0; start < cases; start += AlertIngestor.MaxGroupAlerts)
                {
                    var drafts = Enumerable.Range(start, Math.Min(AlertIngestor.MaxGroupAlerts, cases - start)).Select(i => Seed(i, perCase)).ToList();
                    await seeder.IngestAsync(drafts, Actor.System, cancellationToken);
                }
            }

            var stats = await store.GetStatsAsync(cancellationToken);
            output.WriteLine(Invariant($"seeded {stats.OpenCases:N0} open cases, {(long)cases * perCase:N0} entities in {clock.Elapsed.TotalSeconds:F0} s"));

            var timed = new TimedAssigner(new EntityGroupingAssigner(GroupingPolicyLoader.LoadDefault()));
            var random = new Random(42);
            await using var ingestor = new AlertIngestor(store, timed, TimeProvider.System);
            // Warm-up (JIT, prepared statements, page cache); not counted.
            await ingestor.IngestAsync([.. Enumerable.Range(0, 500).Select(i => Probe(-1 - i, random, cases, perCase))], Actor.System, cancellationToken);
            timed.Reset();
            var cpu = BenchMachine.CpuTime();
            clock.Restart();
            for (var start = 0; start < alerts; start += 500)
            {
                var drafts = Enumerable.Range(start, Math.Min(500, alerts - start)).Select(i => Probe(i, random, cases, perCase)).ToList();
                await ingestor.IngestAsync(drafts, Actor.System, cancellationToken);
            }

            var wall = clock.Elapsed;
            var cpuPerAlert = (BenchMachine.CpuTime() - cpu).TotalMicroseconds / Math.Max(1, alerts);
            var decisions = timed.Samples;
            decisions.Sort();
            var cpuDecisions = timed.CpuSamples;
            cpuDecisions.Sort();
            output.WriteLine();
            output.WriteLine("| engine | open cases | entities | alerts | joined | decision p50 µs | decision p99 µs | decision max µs | ingest per alert µs | CPU per alert µs |");
            output.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
            output.WriteLine(
                Invariant($"| {store.Mode.ToString().ToLowerInvariant()} | {cases:N0} | {(long)cases * perCase:N0} | {decisions.Count:N0} | {timed.Joined * 100.0 / Math.Max(1, decisions.Count):F0}% ")
                + Invariant($"| {Micros(decisions, 0.50):F0} | {Micros(decisions, 0.99):F0} | {Micros(decisions, 1.0):F0} | {wall.TotalMicroseconds / Math.Max(1, alerts):F0} | {cpuPerAlert:F0} |"));
            output.WriteLine(cpuDecisions.Count == 0
                ? "decision CPU time: not measured (needs Linux and decisions that stay on one thread)"
                : Invariant($"decision CPU time (thread CPU, {cpuDecisions.Count:N0} decisions that stayed on one thread): p50 {Nanos(cpuDecisions, 0.50) / 1000:F0} µs, p99 {Nanos(cpuDecisions, 0.99) / 1000:F0} µs, max {Nanos(cpuDecisions, 1.0) / 1000:F0} µs"));
            output.WriteLine("decision: the grouping lookup and choice inside the ingest transaction; ingest per alert: the whole 500-alert transaction (upsert, decision, case write, links, entities, ledger, commit) divided by its alerts; CPU per alert: this process's CPU time over the same span. Load average after: " + BenchMachine.LoadAverage());
            return 0;
        }
        finally
        {
            if (scratch is not null)
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                try
                {
                    Directory.Delete(scratch, recursive: true);
                }
                catch (IOException)
                {
                    // The OS temp cleaner takes what is still held open.
                }
            }
        }
    }

    /// <summary>Seeded alert i: one second apart in event time, entities unique to it.</summary>
    private static AlertDraft Seed(int i, int perCase) => Draft($"seed-{i}", Start.AddSeconds(i), Entities(i, perCase));

    /// <summary>
    /// A timed alert: half share the host (and user) of a random seeded case within the 30-minute lookback, so they
    /// join; half name only entities nobody has seen, so they open a case. Both paths cost a lookup.
    /// </summary>
    private static AlertDraft Probe(int i, Random random, int cases, int perCase)
    {
        var target = random.Next(cases);
        var seeded = Entities(target, perCase);
        Entity[] entities = (i & 1) == 0
            ? [seeded[0], .. seeded.Skip(1).Take(1), Entity.Create(EntityType.Ip, $"192.0.2.{(i & 0xFF)}")]
            : [Entity.Create(EntityType.Host, $"new-{i}"), Entity.Create(EntityType.User, $"new-user-{i}"), Entity.Create(EntityType.Domain, $"n{i}.example")];
        return Draft($"probe-{i}-{Guid.NewGuid():N}", Start.AddSeconds(target + 60), entities);
    }

    private static Entity[] Entities(int i, int perCase)
    {
        Entity[] all =
        [
            Entity.Create(EntityType.Host, $"host-{i}"),
            Entity.Create(EntityType.User, $"user-{i}"),
            Entity.Create(EntityType.Ip, $"10.{(i >> 16) & 0xFF}.{(i >> 8) & 0xFF}.{i & 0xFF}"),
            Entity.Create(EntityType.Domain, $"d{i}.example.com"),
            Entity.Create(EntityType.Url, $"https://d{i}.example.com/p"),
            Entity.Create(EntityType.FileHash, Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(BitConverter.GetBytes(i)))),
            Entity.Create(EntityType.Email, $"user-{i}@example.com"),
            Entity.Create(EntityType.Process, $"proc-{i}.exe"),
            Entity.Create(EntityType.CloudAccount, $"acct-{i}"),
            Entity.Create(EntityType.Repository, $"org/repo-{i}"),
        ];
        return all[..perCase];
    }

    private static AlertDraft Draft(string sourceRef, DateTimeOffset at, Entity[] entities) => new()
    {
        Source = "bench",
        SourceRef = sourceRef,
        Title = "bench alert",
        Severity = Severity.Medium,
        OccurredAt = at,
        RawPayload = "{}",
        Entities = entities,
    };

    private static double Micros(List<long> sortedTicks, double quantile) =>
        sortedTicks.Count == 0 ? 0 : sortedTicks[Math.Min(sortedTicks.Count - 1, (int)Math.Ceiling(quantile * sortedTicks.Count) - 1)] * 1_000_000.0 / Stopwatch.Frequency;

    private static double Nanos(List<long> sorted, double quantile) =>
        sorted.Count == 0 ? 0 : sorted[Math.Min(sorted.Count - 1, (int)Math.Ceiling(quantile * sorted.Count) - 1)];

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Times each decision of the assigner it wraps and counts those that joined a case.</summary>
    private sealed class TimedAssigner(ICaseAssigner inner) : ICaseAssigner
    {
        public List<long> Samples { get; } = [];

        /// <summary>Thread CPU nanoseconds of the decisions that ran on one thread throughout (SQLite's all do; PostgreSQL's awaits may hop).</summary>
        public List<long> CpuSamples { get; } = [];

        public int Joined { get; private set; }

        public void Reset()
        {
            Samples.Clear();
            CpuSamples.Clear();
            Joined = 0;
        }

        public async Task<CaseAssignment> AssignAsync(Alert alert, IStoreTransaction transaction, CancellationToken cancellationToken)
        {
            var thread = Environment.CurrentManagedThreadId;
            var cpu = ThreadCpuClock.Nanoseconds();
            var started = Stopwatch.GetTimestamp();
            var assignment = await inner.AssignAsync(alert, transaction, cancellationToken);
            Samples.Add(Stopwatch.GetTimestamp() - started);
            if (ThreadCpuClock.IsSupported && thread == Environment.CurrentManagedThreadId)
            {
                CpuSamples.Add(ThreadCpuClock.Nanoseconds() - cpu);
            }

            Joined += assignment.ExistingCaseId is null ? 0 : 1;
            return assignment;
        }
    }
}
