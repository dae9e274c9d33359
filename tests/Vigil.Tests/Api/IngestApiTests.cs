using System.IO.Compression;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;
using Vigil.Testing;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

/// <summary><c>POST /api/v1/ingest/{source}</c> on the real server and a SQLite store, with a test mapping from an override directory.</summary>
public sealed class IngestApiTests : IDisposable
{
    // A made-up IDS, so that these tests do not depend on the shipped mappings' content.
    private const string TestIdsYaml = """
        source: test_ids
        description: Test IDS alerts
        vendor: Test
        product: IDS
        match:
          - { path: sig_id, exists: true }
        class: 2004
        activity: 1
        time: { paths: [at] }
        severity: { path: level, map: { low: 2, high: 4 }, default: 0 }
        title: "{sig_name}"
        source_ref: alert_uid
        fields:
          finding_info.uid: alert_uid
          finding_info.title: sig_name
          evidences[].src_endpoint.ip: src
        ignore: [sig_id]
        entities:
          - { type: ip, path: src }
        """;

    private readonly TempDirectory _directory = new("vigil-ingest-api");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private async Task<ApiHost> StartAsync(long? maxBodyBytes = null, Dictionary<string, string?>? extra = null)
    {
        var mappings = Directory.CreateDirectory(_directory.File("mappings")).FullName;
        await File.WriteAllTextAsync(Path.Combine(mappings, "test_ids.yaml"), TestIdsYaml, Ct);
        var configuration = new Dictionary<string, string?>(extra ?? []) { ["Vigil:Mappings:Directory"] = mappings };
        if (maxBodyBytes is { } limit)
        {
            configuration["Vigil:Server:MaxRequestBodyBytes"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return await ApiHost.StartAsync(new StoreLocation { DataDirectory = _directory.File("data") }, configuration);
    }

    private static string Event(string uid, string sig = "ET SCAN probe", string src = "203.0.113.7") =>
        $$"""{"alert_uid": "{{uid}}", "sig_id": 2001, "sig_name": "{{sig}}", "level": "high", "at": "2026-11-23T09:30:00Z", "src": "{{src}}"}""";

    private static Task<HttpResponseMessage> PushAsync(HttpClient client, string source, HttpContent content) =>
        client.PostAsync(new Uri($"/api/v1/ingest/{source}", UriKind.Relative), content, Ct);

    private static ByteArrayContent Gzip(string text, string mediaType)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        var content = new ByteArrayContent(buffer.ToArray());
        content.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        content.Headers.ContentEncoding.Add("gzip");
        return content;
    }

    [Fact]
    public async Task PushEvents_JsonArray_Answers202AfterTheAlertsAreStored()
    {
        await using var host = await StartAsync();

        using var response = await PushAsync(host.Admin, "test_ids", new StringContent($"[{Event("a-1")}, {Event("a-2", sig: "ET TROJAN beacon")}]", Encoding.UTF8, "application/json"));

        var report = await response.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal((2, 2, 0, 0), ((int)report["read"]!, (int)report["stored"]!, (int)report["deduplicated"]!, (int)report["dead_lettered"]!));
        var alert = await host.Admin.GetJsonAsync($"/api/v1/alerts/{(string)report["alerts"]![0]!["alert_id"]!}");
        Assert.Equal("test_ids", (string)alert["source"]!);
        Assert.Equal(Event("a-1"), (string)alert["raw_payload"]!);
        Assert.Equal(2, (await host.Store.GetStatsAsync(Ct)).Alerts);
    }

    [Fact]
    public async Task PushEvents_NdjsonWithAnUnmappableLine_StoresTheRestAndDeadLettersItWithItsLine()
    {
        await using var host = await StartAsync();
        var body = string.Join('\n', Event("n-1"), """{"alert_uid": "n-2", "sig_id": 1, "sig_name": "no time"}""", Event("n-1"));

        using var response = await PushAsync(host.Admin, "test_ids", new StringContent(body, Encoding.UTF8, "application/x-ndjson"));

        var report = await response.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal((3, 1, 1, 1), ((int)report["read"]!, (int)report["stored"]!, (int)report["deduplicated"]!, (int)report["dead_lettered"]!));
        var letter = await host.Admin.GetJsonAsync($"/api/v1/deadletters/{(string)report["dead_letter_ids"]![0]!}");
        Assert.Equal("test_ids", (string)letter["source"]!);
        Assert.StartsWith("HTTP push, event 2 (line 2): ", (string)letter["reason"]!, StringComparison.Ordinal);
        Assert.Contains("no time", (string)letter["payload"]!, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PushEvents_GzipNdjson_IsDecompressedAndStored()
    {
        await using var host = await StartAsync();

        using var response = await PushAsync(host.Admin, "auto", Gzip($"{Event("g-1")}\n{Event("g-2", src: "198.51.100.9")}\n", "application/x-ndjson"));

        var report = await response.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(2, (int)report["stored"]!);
        var sources = await host.Admin.GetJsonAsync("/api/v1/ingest/sources");
        var ids = Assert.Single(sources["items"]!.AsArray(), s => (string)s!["name"]! == "test_ids")!;
        Assert.Equal(2, (long)ids["stored"]!);
    }

    [Fact]
    public async Task PushEvents_GzipBomb_Answers413WithoutExpandingIt()
    {
        await using var host = await StartAsync(maxBodyBytes: 64 * 1024);
        // 8 MiB of one repeated event compresses to a few KiB: well under the limit on the wire, far over it decompressed.
        var bomb = new StringBuilder();
        while (bomb.Length < 8 * 1024 * 1024)
        {
            bomb.Append(Event("bomb")).Append('\n');
        }

        using var response = await PushAsync(host.Admin, "test_ids", Gzip(bomb.ToString(), "application/x-ndjson"));

        var problem = await response.ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("decompresses to more than 65536 bytes", (string)problem["detail"]!, StringComparison.Ordinal);
        var letter = await host.Admin.GetJsonAsync($"/api/v1/deadletters/{(string)problem["dead_letter_id"]!}");
        Assert.True(((string)letter["payload"]!).Length <= 64 * 1024);
        Assert.Equal(0, (await host.Store.GetStatsAsync(Ct)).Alerts);
    }

    [Fact]
    public async Task PushEvents_KeyRestrictedToAnotherSource_IsRefusedAsNotFound()
    {
        await using var host = await StartAsync();
        var key = await host.Services.GetRequiredService<ApiKeyService>().CreateAsync("okta-feed", [Permissions.AlertWrite], "okta_system_log", Actor.System, Ct);
        using var client = host.Client(key.Token);

        using var refused = await PushAsync(client, "test_ids", new StringContent(Event("r-1"), Encoding.UTF8, "application/json"));
        using var auto = await PushAsync(client, "auto", new StringContent(Event("r-1"), Encoding.UTF8, "application/json"));

        var problem = await refused.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(["okta_system_log"], problem["known_sources"]!.AsArray().Select(s => (string)s!));
        await auto.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await host.Store.GetStatsAsync(Ct)).Alerts);
    }

    [Fact]
    public async Task PushEvents_UnknownSource_Answers404ListingKnownSources()
    {
        await using var host = await StartAsync();

        using var response = await PushAsync(host.Admin, "no_such_source", new StringContent(Event("u-1"), Encoding.UTF8, "application/json"));

        var problem = await response.ExpectAsync(HttpStatusCode.NotFound);
        var known = problem["known_sources"]!.AsArray().Select(s => (string)s!).ToList();
        Assert.Contains("auto", known);
        Assert.Contains("test_ids", known);
    }

    [Fact]
    public async Task PushEvents_WithoutAlertWrite_Answers403()
    {
        await using var host = await StartAsync();
        using var reader = await host.ClientWithScopesAsync(Permissions.AlertRead);

        using var response = await PushAsync(reader, "test_ids", new StringContent(Event("p-1"), Encoding.UTF8, "application/json"));

        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task PushEvents_UnsupportedContentType_Answers415AndKeepsTheBody()
    {
        await using var host = await StartAsync();

        using var response = await PushAsync(host.Admin, "test_ids", new StringContent(Event("t-1"), Encoding.UTF8, "text/csv"));

        var problem = await response.ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        var letter = await host.Admin.GetJsonAsync($"/api/v1/deadletters/{(string)problem["dead_letter_id"]!}");
        Assert.Equal(Event("t-1"), (string?)letter["payload"]);
    }

    [Fact]
    public async Task PushEvents_OverTheSourceRateLimit_Answers429WithRetryAfterAndStoresNothingOfTheBatch()
    {
        // A bucket of three events refilled at one per 100 s: the second batch cannot fit, however slow the machine.
        await using var host = await StartAsync(extra: new()
        {
            ["Vigil:Ingest:Sources:test_ids:EventsPerSecond"] = "0.01",
            ["Vigil:Ingest:Sources:test_ids:Burst"] = "3",
        });
        using var first = await PushAsync(host.Admin, "test_ids", new StringContent($"[{Event("r-1")}, {Event("r-2", sig: "b")}, {Event("r-3", sig: "c")}]", Encoding.UTF8, "application/json"));
        await first.ExpectAsync(HttpStatusCode.Accepted);

        using var refused = await PushAsync(host.Admin, "test_ids", new StringContent($"[{Event("r-4", sig: "d")}, {Event("r-5", sig: "e")}]", Encoding.UTF8, "application/json"));
        var problem = await refused.ExpectAsync((HttpStatusCode)429);

        Assert.True(int.Parse(refused.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.Equal("urn:vigil:problem:rate-limited", (string)problem["type"]!);
        var stats = await host.Store.GetStatsAsync(Ct);
        Assert.Equal((3, 0), (stats.Alerts, stats.DeadLettersPending));
        // Other sources have their own bucket (none here).
        using var other = await PushAsync(host.Admin, "auto", new StringContent(Event("r-6", sig: "f"), Encoding.UTF8, "application/json"));
        await other.ExpectAsync(HttpStatusCode.Accepted);
    }

    [Fact]
    public async Task ListPollers_ConfiguredPollerAgainstALoopbackApi_ShowsItsHealthAfterPolling()
    {
        await using var api = await PagingServer.StartAsync();
        api.Add([System.Text.Json.Nodes.JsonNode.Parse(Event("p-1"))!.AsObject(), System.Text.Json.Nodes.JsonNode.Parse(Event("p-2", sig: "other"))!.AsObject()]);
        await using var host = await StartAsync(extra: new()
        {
            ["Vigil:Pollers:ids:Url"] = new Uri(api.BaseUri, "/api/v1/logs").ToString(),
            ["Vigil:Pollers:ids:Source"] = "test_ids",
            ["Vigil:Pollers:ids:Paging"] = "LinkHeader",
            ["Vigil:Pollers:ids:LimitParam"] = "limit",
            ["Vigil:Pollers:ids:TimeField"] = "at",
            ["Vigil:Pollers:ids:AllowLoopback"] = "true",
        });

        System.Text.Json.Nodes.JsonNode poller;
        do
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            poller = System.Text.Json.Nodes.JsonNode.Parse(await host.Admin.GetStringAsync(new Uri("/api/v1/ingest/pollers", UriKind.Relative), Ct))!.AsArray().Single()!;
        }
        while ((long)poller["events_pulled"]! < 2);

        Assert.Equal(("ids", "test_ids", true), ((string)poller["name"]!, (string)poller["source"]!, (bool)poller["configured"]!));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 9, 30, 0, TimeSpan.Zero), DateTimeOffset.Parse((string)poller["newest_event_at"]!, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True((double)poller["lag_seconds"]! > 0);
        Assert.Null(poller["last_error"]);
        Assert.Equal(2, (await host.Store.GetStatsAsync(Ct)).Alerts);
    }

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
