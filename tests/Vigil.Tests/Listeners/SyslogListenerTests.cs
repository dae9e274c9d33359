using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Listeners;
using Vigil.Pipeline.Ports;
using Vigil.Testing;
using Vigil.Tests.Support;

namespace Vigil.Tests.Listeners;

/// <summary>
/// The syslog listener inside the real server, fed by util-linux <c>logger</c> (the peer most Linux hosts have)
/// and by raw sockets. CEF messages become alerts through the shipped cef mapping; plain text has no mapping under
/// "auto" and is dead-lettered; nothing is lost: every message sent is an alert, a repeat or a dead letter.
/// </summary>
public sealed class SyslogListenerTests : IDisposable
{
    private const string Logger = "/usr/bin/logger";

    private readonly TempDirectory _directory = new("vigil-syslog");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<(ApiHost Host, int Udp, int Tcp)> StartAsync()
    {
        var (udp, tcp) = (FreeUdpPort(), FreeTcpPort());
        var host = await ApiHost.StartAsync(new StoreLocation { DataDirectory = _directory.Path }, new Dictionary<string, string?>
        {
            ["Vigil:Syslog:UdpPort"] = udp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Vigil:Syslog:TcpPort"] = tcp.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Vigil:Syslog:MaxMessageBytes"] = "4096",
        });
        await host.Services.GetRequiredService<SyslogListener>().Bound.Task.WaitAsync(Ct);
        return (host, udp, tcp);
    }

    private static int FreeUdpPort()
    {
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.LocalEndPoint!).Port;
    }

    private static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static async Task LogAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo(Logger) { RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var error = await process.StandardError.ReadToEndAsync(Ct);
        await process.WaitForExitAsync(Ct);
        Assert.True(process.ExitCode == 0, $"logger {string.Join(' ', arguments)} failed: {error}");
    }

    /// <summary>Polls the store until the expected alerts and dead letters are there (or the test's own timeout ends it).</summary>
    private static async Task<StoreStats> WaitForAsync(ApiHost host, long alerts, long occurrences, long deadLetters, CancellationToken cancellationToken)
    {
        while (true)
        {
            var stats = await host.Store.GetStatsAsync(cancellationToken);
            if (stats.Alerts >= alerts && stats.Occurrences >= occurrences && stats.DeadLettersPending >= deadLetters)
            {
                return stats;
            }

            await Task.Delay(50, cancellationToken);
        }
    }

    [Fact(Timeout = 60_000)]
    public async Task Logger_UdpRfc5424AndTcpOctetCounted_EveryMessageIsStoredOrDeadLettered()
    {
        Assert.SkipUnless(File.Exists(Logger), "util-linux logger is not installed");
        var (host, udp, tcp) = await StartAsync();
        await using var _ = host;
        var port = udp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var tcpPort = tcp.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const string Cef = "CEF:0|Acme|Firewall|2.1|4001|Port scan detected|7|src=203.0.113.5 dst=10.0.0.8 suser=bob smith msg=many ports";

        await LogAsync("--server", "127.0.0.1", "--port", port, "--udp", "--rfc5424", "-t", "vigiltest", "plain text has no mapping");
        await LogAsync("--server", "127.0.0.1", "--port", port, "--udp", "--rfc3164", "-t", "fw", Cef);
        await LogAsync("--server", "127.0.0.1", "--port", tcpPort, "--tcp", "--octet-count", "--rfc5424", "-t", "fw",
            Cef.Replace("4001|Port scan detected", "4002|Brute force", StringComparison.Ordinal));
        // The same CEF event again over TCP: the mapping's dedup fields make it a repeat, not a new alert.
        await LogAsync("--server", "127.0.0.1", "--port", tcpPort, "--tcp", "--octet-count", "--rfc5424", "-t", "fw", Cef);

        var stats = await WaitForAsync(host, alerts: 2, occurrences: 3, deadLetters: 1, TestContext.Current.CancellationToken);

        Assert.Equal((2, 3, 1), (stats.Alerts, stats.Occurrences, stats.DeadLettersPending));
        var letters = await host.Store.ListDeadLettersAsync(new DeadLetterQuery(), Ct);
        var letter = Assert.Single(letters);
        Assert.Contains("plain text has no mapping", letter.Payload, StringComparison.Ordinal);
        Assert.Contains("no shipped or overridden mapping recognises", letter.Reason, StringComparison.Ordinal);
    }

    [Fact(Timeout = 60_000)]
    public async Task Tcp_NewlineFramedBatch_CountsInEqualStoredPlusRepeatsPlusDeadLetters()
    {
        var (host, _, tcp) = await StartAsync();
        await using var _ = host;
        var lines = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            lines.Append(CultureInfoFormat($"<134>Nov 23 10:00:{i % 60:00} fw01 CEF:0|Acme|Firewall|2.1|{5000 + (i % 10)}|Rule {i % 10}|5|src=198.51.100.{i % 10} dst=10.0.0.1\n"));
        }

        lines.Append("<999>broken priority\n");
        lines.Append("<134>Nov 23 10:00:00 fw01 CEF:0|only|three\n");
        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, tcp, Ct);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(lines.ToString()), Ct);
        }

        var stats = await WaitForAsync(host, alerts: 10, occurrences: 40, deadLetters: 2, TestContext.Current.CancellationToken);

        Assert.Equal((10, 40, 2), (stats.Alerts, stats.Occurrences, stats.DeadLettersPending));
        var health = host.Services.GetRequiredService<Pipeline.Ingest.SourceHealth>().Get("cef")!;
        Assert.Equal((40, 10, 30), (health.Received, health.Stored, health.Deduplicated));
    }

    [Fact(Timeout = 60_000)]
    public async Task Shutdown_RightAfterABurst_StoresEverythingAlreadyReceived()
    {
        var (host, _, tcp) = await StartAsync();
        var lines = new StringBuilder();
        for (var i = 0; i < 3_000; i++)
        {
            lines.Append(CultureInfoFormat($"<134>Nov 23 10:00:00 fw01 CEF:0|Acme|Firewall|2.1|{7000 + (i % 50)}|Rule {i % 50}|5|src=198.51.100.{i % 50} dst=10.0.0.1\n"));
        }

        using (var client = new TcpClient())
        {
            await client.ConnectAsync(IPAddress.Loopback, tcp, Ct);
            await client.GetStream().WriteAsync(Encoding.UTF8.GetBytes(lines.ToString()), Ct);
        }

        // Wait until the listener has read the whole burst (not stored it), then stop the server at once.
        var counters = host.Services.GetRequiredService<SyslogCounters>();
        while (counters.Received < 3_000)
        {
            await Task.Delay(5, TestContext.Current.CancellationToken);
        }

        await host.DisposeAsync();

        Assert.Equal((3_000, 0L, 0L), (counters.Settled, counters.Queued, counters.Lost));
        await using var store = new Storage.StoreFactory().Open(new StoreLocation { DataDirectory = _directory.Path });
        var stats = await store.GetStatsAsync(Ct);
        Assert.Equal((50, 3_000), (stats.Alerts, stats.Occurrences));
    }

    [Fact(Timeout = 60_000)]
    public async Task Udp_OversizedDatagram_IsDeadLetteredWithTheReasonAndCountedOnMetrics()
    {
        var (host, udp, _) = await StartAsync();
        await using var _ = host;
        // The listener here takes 4 KiB (Vigil:Syslog:MaxMessageBytes); this datagram is 8,000 bytes.
        var head = "<134>Nov 23 10:00:00 fw01 CEF:0|Acme|Firewall|2.1|1|Huge|5|msg=";
        var oversized = head + new string('x', 8_000 - head.Length);
        using (var client = new UdpClient())
        {
            await client.SendAsync(Encoding.UTF8.GetBytes(oversized), new IPEndPoint(IPAddress.Loopback, udp), Ct);
        }

        var stats = await WaitForAsync(host, alerts: 0, occurrences: 0, deadLetters: 1, TestContext.Current.CancellationToken);

        var letter = Assert.Single(await host.Store.ListDeadLettersAsync(new DeadLetterQuery(), Ct));
        Assert.Contains("datagram of 8000 bytes over the limit of 4096", letter.Reason, StringComparison.Ordinal);
        Assert.Equal((4096, "syslog"), (letter.Payload.Length, letter.Channel));
        Assert.Equal(1, stats.DeadLettersPending);
        var metrics = await host.Admin.GetStringAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Contains("vigil_syslog_received_total 1", metrics, StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_events_total{source=\"auto\",outcome=\"dead_lettered\"} 1", metrics, StringComparison.Ordinal);
        Assert.Contains("vigil_ingest_drift_total{source=\"auto\"} 0", metrics, StringComparison.Ordinal);
    }

    private static string CultureInfoFormat(FormattableString text) => FormattableString.Invariant(text);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
