using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence.Stream;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Evidence;

/// <summary>
/// The ledger stream against a real HTTP receiver on loopback that refuses some deliveries: every entry arrives, in
/// order per chain, signed, at least once; a refusal backs off and resends the same entries.
/// </summary>
public sealed class LedgerStreamerTests : IAsyncLifetime
{
    private const string Secret = "a-shared-hmac-secret-0123";
    private static readonly DateTimeOffset T0 = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _directory = new("vigil-stream");
    private readonly FakeTimeProvider _time = new(T0);
    private readonly HttpListener _listener = new();
    private readonly ConcurrentQueue<(string Body, string Timestamp, string Signature)> _received = new();
    private IVigilStore _store = null!;
    private Uri _url = null!;
    private int _refuse;
    private Task _serving = Task.CompletedTask;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new StoreFactory().Open(new StoreLocation { DataDirectory = _directory.Path });
        await _store.MigrateAsync(Ct);
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        _url = new Uri($"http://127.0.0.1:{port}/ledger/");
        _listener.Prefixes.Add(_url.ToString());
        _listener.Start();
        _serving = ServeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Close();
        await _serving.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    /// <summary>The receiver: records every body it is sent and answers 503 to the next <see cref="_refuse"/> requests.</summary>
    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException)
            {
                return;
            }

            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            var body = await reader.ReadToEndAsync(Ct);
            _received.Enqueue((body, context.Request.Headers[LedgerStreamer.TimestampHeader]!, context.Request.Headers[LedgerStreamer.SignatureHeader]!));
            context.Response.StatusCode = Interlocked.Decrement(ref _refuse) >= 0 ? 503 : 204;
            context.Response.Close();
        }
    }

    private async Task AppendAsync(string chain, int count)
    {
        await using var tx = await _store.BeginAsync(Ct);
        for (var i = 0; i < count; i++)
        {
            await tx.AppendLedgerAsync(chain, LedgerKinds.NoteAdded, Actor.Human("alice"), _time.GetUtcNow(), $$"""{"n":{{i}}}""", Ct);
        }

        await tx.CommitAsync(Ct);
    }

    [Fact]
    public async Task Deliver_ReceiverRefusingSome_GetsEveryEntryInChainOrderSignedAtLeastOnce()
    {
        using var http = new HttpClient();
        var streamer = new LedgerStreamer(_store, http, _time);
        var receiver = new StreamReceiverOptions { Name = "siem", Url = _url, Secret = Secret, BatchSize = 4 };
        await AppendAsync("cas_a", 5);
        await AppendAsync("cas_b", 3);
        _refuse = 2;

        var first = await streamer.DeliverOnceAsync(receiver, "node-1", Ct);
        Assert.Equal((StreamDeliveryStatus.Failed, "HTTP 503"), (first.Status, first.Error));
        Assert.Equal(StreamDeliveryStatus.Busy, (await streamer.DeliverOnceAsync(receiver, "node-1", Ct)).Status); // backing off: 2 s
        _time.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(StreamDeliveryStatus.Failed, (await streamer.DeliverOnceAsync(receiver, "node-1", Ct)).Status);
        Assert.Equal(2, (await _store.GetStreamReceiverAsync("siem", Ct))!.Attempts);
        _time.Advance(TimeSpan.FromSeconds(4));
        var drained = await streamer.DrainAsync(receiver, "node-1", Ct);
        await AppendAsync("cas_a", 1); // written after the receiver caught up: the next pass sends only it
        drained = [.. drained, .. await streamer.DrainAsync(receiver, "node-1", Ct)];

        Assert.Equal([4, 4, 1], drained.Where(d => d.Status == StreamDeliveryStatus.Delivered).Select(d => d.Entries));
        Assert.Equal(0, (await streamer.StatusAsync(receiver, Ct)).Lag);
        var deliveries = _received.ToArray();
        foreach (var (body, timestamp, signature) in deliveries)
        {
            Assert.Equal(LedgerStreamer.Sign(Secret, timestamp, Encoding.UTF8.GetBytes(body)), signature);
        }

        // The two refused batches were the same entries as the first accepted one: resent, never skipped.
        var batches = deliveries.Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("entries").EnumerateArray().Select(e => e.GetProperty("entry_id").GetString()!).ToArray()).ToArray();
        Assert.Equal(batches[0], batches[1]);
        Assert.Equal(batches[0], batches[2]);
        var accepted = batches.Skip(2).SelectMany(b => b).ToArray();
        Assert.Equal(["cas_a:1", "cas_a:2", "cas_a:3", "cas_a:4", "cas_a:5", "cas_b:1", "cas_b:2", "cas_b:3", "cas_a:6"], accepted);
        Assert.Equal(9, (await _store.GetStreamReceiverAsync("siem", Ct))!.Delivered);
    }

    [Fact]
    public void Receivers_WithoutAUsableUrlOrSecret_AreRefusedAtStart()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Vigil:Stream:Receivers:grc:Url"] = "https://grc.example/hook",
            ["Vigil:Stream:Receivers:grc:Secret"] = "short",
        }).Build();
        Assert.Contains("grc:Secret", Assert.Throws<InvalidDataException>(() => StreamReceivers.From(configuration)).Message, StringComparison.Ordinal);
    }
}
