using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Hosting;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;
using Vigil.Storage;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil bench ingest</c>: alerts per second through the real HTTP stack (Kestrel on loopback, auth, parser,
/// ingestor, store) into a fresh store. Every alert is distinct, so each one opens a case and writes a ledger entry:
/// the expensive path, not the dedup shortcut.
/// </summary>
internal static class BenchIngestCommand
{
    private static readonly Option<int> BatchSize = new("--batch-size") { Description = "Alerts per batch request.", DefaultValueFactory = _ => 500 };
    private static readonly Option<int> Batches = new("--batches") { Description = "Batch requests to send.", DefaultValueFactory = _ => 60 };
    private static readonly Option<int> BatchClients = new("--batch-clients") { Description = "Concurrent clients sending batches.", DefaultValueFactory = _ => 4 };
    private static readonly Option<int> Singles = new("--singles") { Description = "Single-alert requests to send.", DefaultValueFactory = _ => 20_000 };
    private static readonly Option<int> SingleClients = new("--single-clients") { Description = "Concurrent clients sending single alerts.", DefaultValueFactory = _ => 32 };

    public static Command Create()
    {
        var command = new Command("ingest", "Measure alert ingestion over HTTP (batches and single requests) into a fresh SQLite store, or PostgreSQL with --db.");
        command.Options.Add(BatchSize);
        command.Options.Add(Batches);
        command.Options.Add(BatchClients);
        command.Options.Add(Singles);
        command.Options.Add(SingleClients);
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        using var scratch = new BenchScratch(parse);
        var location = scratch.Location;

        await using var app = VigilServer.Build(new ServerSettings
        {
            Store = location,
            StoreFactory = new StoreFactory(),
            Urls = "http://127.0.0.1:0",
            Configure = builder => builder.Logging.ClearProviders(),
        });
        await ServerStartup.PrepareAsync(app, demo: false, cancellationToken);
        await app.StartAsync(cancellationToken);
        var key = await app.Services.GetRequiredService<ApiKeyService>().CreateAsync("bench", [Permissions.AlertWrite], null, Actor.System, cancellationToken);
        var store = app.Services.GetRequiredService<IVigilStore>();
        using var client = CreateClient(app.Urls.First(), key.Token);
        output.WriteLine($"vigil bench ingest: {store.Mode.ToString().ToLowerInvariant()} store ({store.Description}), {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {BenchMachine.LoadAverage()}");

        var run = Guid.NewGuid().ToString("N")[..8];
        var batchSize = parse.GetValue(BatchSize);
        // Warm-up (JIT, connection pools, SQLite page cache); not counted.
        await SendAsync(client, Bodies($"{run}-warm-b", 4, batchSize), 2, cancellationToken);
        await SendAsync(client, Bodies($"{run}-warm-s", 500, 1), 8, cancellationToken);

        var batch = await SendAsync(client, Bodies($"{run}-b", parse.GetValue(Batches), batchSize), parse.GetValue(BatchClients), cancellationToken);
        var single = await SendAsync(client, Bodies($"{run}-s", parse.GetValue(Singles), 1), parse.GetValue(SingleClients), cancellationToken);

        output.WriteLine();
        output.WriteLine("| phase | requests | alerts | clients | seconds | requests/s | alerts/s | p50 ms | p99 ms | CPU s | alerts per CPU-s |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        output.WriteLine(batch.Row($"batches of {batchSize}", batchSize, parse.GetValue(BatchClients)));
        output.WriteLine(single.Row("single alerts", 1, parse.GetValue(SingleClients)));
        var stats = await store.GetStatsAsync(cancellationToken);
        output.WriteLine();
        output.WriteLine($"store after the run: {stats.Alerts} alerts, {stats.Cases} cases, {stats.LedgerEntries} ledger entries; load average {BenchMachine.LoadAverage()}");
        output.WriteLine("CPU s: this process's CPU time during the phase (server, background jobs and the in-process HTTP clients together).");
        return batch.Failures + single.Failures == 0 ? 0 : 1;
    }

    private static HttpClient CreateClient(string baseAddress, string token)
    {
        var handler = new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = Timeout.InfiniteTimeSpan, UseProxy = false };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseAddress), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Request bodies built before timing starts, so the figures measure the server, not the generator.</summary>
    private static byte[][] Bodies(string prefix, int requests, int alertsPerRequest)
    {
        var bodies = new byte[requests][];
        var text = new StringBuilder(alertsPerRequest * 400);
        for (var r = 0; r < requests; r++)
        {
            text.Clear();
            if (alertsPerRequest > 1)
            {
                text.Append('[');
            }

            for (var a = 0; a < alertsPerRequest; a++)
            {
                if (a > 0)
                {
                    text.Append(',');
                }

                var n = (r * alertsPerRequest) + a;
                text.Append(CultureInfo.InvariantCulture, $$"""{"source":"bench_edr","source_ref":"{{prefix}}-{{n}}","title":"Suspicious PowerShell on WS-{{n % 500}}","severity":"{{Severities[n % Severities.Length]}}","occurred_at":"2026-11-23T08:00:00Z","entities":[{"type":"host","value":"ws-{{n % 500}}.corp.example.com"},{"type":"user","value":"user{{n % 97}}@corp.example.com"}],"tags":["attack.t1059.001"],"raw":{"cmdline":"powershell.exe -nop -enc SQBFAFgA","pid":{{n}}""").Append("}}");
            }

            if (alertsPerRequest > 1)
            {
                text.Append(']');
            }

            bodies[r] = Encoding.UTF8.GetBytes(text.ToString());
        }

        return bodies;
    }

    private static readonly string[] Severities = ["low", "medium", "high", "critical", "informational"];

    private static async Task<PhaseResult> SendAsync(HttpClient client, byte[][] bodies, int clients, CancellationToken cancellationToken)
    {
        var latencies = new double[bodies.Length];
        var next = -1;
        var failures = 0;
        var cpu = BenchMachine.CpuTime();
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < bodies.Length)
            {
                using var content = new ByteArrayContent(bodies[index]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync("/api/v1/alerts", content, cancellationToken);
                latencies[index] = Stopwatch.GetElapsedTime(sent).TotalMilliseconds;
                if (response.StatusCode is not (HttpStatusCode.Created or HttpStatusCode.OK or HttpStatusCode.Accepted))
                {
                    Interlocked.Increment(ref failures);
                }
            }
        }, cancellationToken)).ToArray();
        await Task.WhenAll(workers);
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;
        return new PhaseResult(bodies.Length, seconds, (BenchMachine.CpuTime() - cpu).TotalSeconds, latencies, failures);
    }

    private sealed record PhaseResult(int Requests, double Seconds, double CpuSeconds, double[] Latencies, int Failures)
    {
        public string Row(string phase, int alertsPerRequest, int clients)
        {
            Array.Sort(Latencies);
            var alerts = (long)Requests * alertsPerRequest;
            var failed = Failures > 0 ? $" ({Failures} failed)" : string.Empty;
            return string.Create(CultureInfo.InvariantCulture,
                $"| {phase} | {Requests} | {alerts} | {clients} | {Seconds:F2} | {Requests / Seconds:F0} | {alerts / Seconds:F0} | {Percentile(0.50):F2} | {Percentile(0.99):F2} | {CpuSeconds:F2} | {alerts / CpuSeconds:F0} |{failed}");
        }

        private double Percentile(double p) => Latencies.Length == 0 ? 0 : Latencies[Math.Min(Latencies.Length - 1, (int)Math.Ceiling(p * Latencies.Length) - 1)];
    }
}
