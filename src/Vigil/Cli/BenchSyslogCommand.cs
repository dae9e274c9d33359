using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Hosting;
using Vigil.Listeners;
using Vigil.Pipeline.Ports;
using Vigil.Storage;

namespace Vigil.Cli;

/// <summary>
/// <c>vigil bench syslog</c>: messages per second through the real syslog listener (TCP on loopback, newline framing as
/// <c>logger --tcp</c> sends it, RFC 5424 with CEF payloads, <c>auto</c> source detection) into a fresh store. A phase
/// ends when every message sent is settled (stored, a repeat, or dead-lettered), and the count is checked:
/// messages in = stored + deduplicated + dead-lettered.
/// </summary>
internal static class BenchSyslogCommand
{
    private static readonly Option<int> Count = new("--count") { Description = "Messages per phase.", DefaultValueFactory = _ => 100_000 };
    private static readonly Option<int> Connections = new("--connections") { Description = "Concurrent TCP senders.", DefaultValueFactory = _ => 4 };
    private static readonly Option<int> Distinct = new("--distinct") { Description = "Distinct alerts in the repeat phase (the rest are occurrences of them).", DefaultValueFactory = _ => 100 };

    public static Command Create()
    {
        var command = new Command("syslog", "Measure syslog messages per second through the TCP listener into a fresh SQLite store (PostgreSQL with --db).")
        {
            Count, Connections, Distinct,
        };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var output = parse.InvocationConfiguration.Output;
        using var scratch = new BenchScratch(parse);
        var location = scratch.Location;

        var port = FreePort();
        await using var app = VigilServer.Build(new ServerSettings
        {
            Store = location,
            StoreFactory = new StoreFactory(),
            Urls = "http://127.0.0.1:0",
            Args = [$"--Vigil:Syslog:TcpPort={port}", "--Vigil:Syslog:BatchSize=2000"],
            Configure = builder => builder.Logging.ClearProviders(),
        });
        await ServerStartup.PrepareAsync(app, demo: false, cancellationToken);
        await app.StartAsync(cancellationToken);
        await app.Services.GetRequiredService<SyslogListener>().Bound.Task.WaitAsync(cancellationToken);
        var store = app.Services.GetRequiredService<IVigilStore>();
        var counters = app.Services.GetRequiredService<SyslogCounters>();
        var count = parse.GetValue(Count);
        var connections = Math.Max(1, parse.GetValue(Connections));
        output.WriteLine($"vigil bench syslog: {store.Mode.ToString().ToLowerInvariant()} store ({store.Description}), TCP 127.0.0.1:{port}, {connections} connections, {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {BenchMachine.LoadAverage()}");

        var run = Guid.NewGuid().ToString("N")[..8];
        await PhaseAsync(port, counters, Lines($"{run}-warm", 2_000, 2_000, bad: 0), connections, cancellationToken);
        var phases = new (string Name, string[] Lines)[]
        {
            ("distinct alerts (new alerts, grouped into cases)", Lines($"{run}-d", count, count, bad: 0)),
            ($"repeats of {parse.GetValue(Distinct)} alerts", Lines($"{run}-r", count, parse.GetValue(Distinct), bad: 0)),
            ("mixed: 1% unparseable (dead-lettered)", Lines($"{run}-m", count, parse.GetValue(Distinct), bad: 100)),
        };

        output.WriteLine();
        output.WriteLine("| phase | messages | seconds | messages/s | CPU s | messages per CPU-s | stored | repeats | dead-lettered | in = stored + repeats + dead-lettered |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        var balanced = true;
        foreach (var (name, lines) in phases)
        {
            var cpu = BenchMachine.CpuTime();
            var (before, seconds, after) = await PhaseAsync(port, counters, lines, connections, cancellationToken);
            var cpuSeconds = (BenchMachine.CpuTime() - cpu).TotalSeconds;
            var stored = after.Stored - before.Stored;
            var repeats = after.Deduplicated - before.Deduplicated;
            var dead = after.DeadLettered - before.DeadLettered;
            var ok = stored + repeats + dead == lines.Length;
            balanced &= ok;
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {lines.Length} | {seconds:F2} | {lines.Length / seconds:F0} | {cpuSeconds:F2} | {lines.Length / cpuSeconds:F0} | {stored} | {repeats} | {dead} | {(ok ? "yes" : "NO")} |"));
        }

        var stats = await store.GetStatsAsync(cancellationToken);
        output.WriteLine();
        output.WriteLine($"store after the run: {stats.Alerts} alerts, {stats.Occurrences} occurrences, {stats.DeadLettersPending} dead letters pending; listener: {counters.Received} received, {counters.StoreRetries} store retries, {counters.Lost} lost; load average {BenchMachine.LoadAverage()}");
        output.WriteLine("CPU s: this process's CPU time during the phase (listener, normalisation, store, background jobs and the in-process senders together).");
        return balanced && counters.Lost == 0 ? 0 : 1;
    }

    /// <summary>Sends the lines over <paramref name="connections"/> TCP connections and waits until the listener settled every one.</summary>
    private static async Task<(Snapshot Before, double Seconds, Snapshot After)> PhaseAsync(int port, SyslogCounters counters, string[] lines, int connections, CancellationToken cancellationToken)
    {
        var before = Snapshot.Of(counters);
        var started = Stopwatch.GetTimestamp();
        var senders = Enumerable.Range(0, connections).Select(c => Task.Run(async () =>
        {
            using var client = new TcpClient { NoDelay = false };
            await client.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
            await using var stream = new BufferedStream(client.GetStream(), 64 * 1024);
            for (var i = c; i < lines.Length; i += connections)
            {
                await stream.WriteAsync(Encoding.UTF8.GetBytes(lines[i]), cancellationToken);
            }

            await stream.FlushAsync(cancellationToken);
        }, cancellationToken)).ToArray();
        await Task.WhenAll(senders);
        var target = before.Settled + lines.Length;
        while (counters.Settled < target)
        {
            await Task.Delay(2, cancellationToken);
        }

        return (before, Stopwatch.GetElapsedTime(started).TotalSeconds, Snapshot.Of(counters));
    }

    /// <summary>
    /// RFC 5424 lines with a CEF payload, as a firewall or EDR forwarding through rsyslog would send them; built before
    /// timing. <paramref name="distinct"/> sets how many different alerts they are; one in <paramref name="bad"/> is not syslog.
    /// </summary>
    private static string[] Lines(string prefix, int count, int distinct, int bad)
    {
        var lines = new string[count];
        for (var n = 0; n < count; n++)
        {
            var k = n % Math.Max(1, distinct);
            lines[n] = bad > 0 && n % bad == bad - 1
                ? string.Create(CultureInfo.InvariantCulture, $"<999>not a syslog header {prefix}-{n}\n")
                : string.Create(CultureInfo.InvariantCulture,
                    $"<134>1 2026-11-23T10:00:{n % 60:D2}.000Z fw-{k % 16:D2} cef-forwarder 4242 - - CEF:0|Acme|NGFW|9.1|{prefix}-{k}|Outbound connection blocked|7|src=10.0.{k % 250}.{(k / 250) % 250} dst=203.0.113.{k % 200} spt={1024 + (n % 60000)} dpt=443 proto=TCP act=blocked externalId={prefix}-{n}\n");
        }

        return lines;
    }

    private static int FreePort()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return port;
    }

    private sealed record Snapshot(long Stored, long Deduplicated, long DeadLettered)
    {
        public long Settled => Stored + Deduplicated + DeadLettered;

        public static Snapshot Of(SyslogCounters counters) => new(counters.Stored, counters.Deduplicated, counters.DeadLettered);
    }
}
