using Microsoft.Extensions.Time.Testing;
using Vigil.Connectors.Enrichment;
using Vigil.Connectors.Tests.Support;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Connectors.Tests.Enrichment;

/// <summary>Each reputation service against a loopback vendor answering responses shaped like its published API.</summary>
public sealed class ReputationSourceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider _time = new(Now);
    private LoopbackVendor _vendor = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _vendor = await LoopbackVendor.StartAsync();

    public async ValueTask DisposeAsync() => await _vendor.DisposeAsync();

    [Fact]
    public async Task VirusTotal_Ip_ReadsAnalysisStats_SendsKeyHeader_CachesForValidity()
    {
        _vendor.On("GET /ip_addresses/185.220.101.9", RecordedResponse.File(200, "enrichment/virustotal-ip.json"));
        await using var harness = await StartAsync("virustotal", "vt-key-123");
        var source = Source(harness, "virustotal");
        var ip = Entity.Create(EntityType.Ip, "185.220.101.9");

        var result = await source.LookupAsync(ip, Ct);

        Assert.Equal((EnrichmentStatus.Found, "malicious", 15), (result.Status, result.Verdict, result.Score));
        Assert.Equal(("14", "DE", "208294", "tor"), (result.Attributes["malicious"], result.Attributes["country"], result.Attributes["asn"], result.Attributes["tags"]));
        Assert.Equal(TimeSpan.FromHours(24), result.ValidFor);
        Assert.Equal("vt-key-123", _vendor.Single("GET", "/ip_addresses/").Header("x-apikey"));

        _time.Advance(TimeSpan.FromHours(23));
        Assert.Same(result, await source.LookupAsync(ip, Ct));
        Assert.Single(_vendor.Received);
        Assert.Equal(1, harness.Clients.Health.Get("virustotal").Successes);
    }

    [Fact]
    public async Task VirusTotal_UnknownHash404IsNotFound_UrlIdIsUnpaddedBase64Url_FifthLookupInAMinuteIsRateLimited()
    {
        const string Hash = "44d88612fea8a8f36de82e1278abb02f44d88612fea8a8f36de82e1278abb02f";
        var urlId = "aHR0cHM6Ly9sb2dpbi5ldmlsLmV4YW1wbGUvb3dh";
        _vendor.On($"GET /files/{Hash}", RecordedResponse.File(404, "enrichment/virustotal-not-found.json"))
            .On($"GET /urls/{urlId}", RecordedResponse.File(200, "enrichment/virustotal-url.json"))
            .On("GET /domains/a.example", RecordedResponse.File(404, "enrichment/virustotal-not-found.json"))
            .On("GET /domains/b.example", RecordedResponse.File(404, "enrichment/virustotal-not-found.json"));
        await using var harness = await StartAsync("virustotal", "k");
        var source = Source(harness, "virustotal");

        Assert.Equal(EnrichmentStatus.NotFound, (await source.LookupAsync(Entity.Create(EntityType.FileHash, Hash), Ct)).Status);
        var url = await source.LookupAsync(Entity.Create(EntityType.Url, "https://login.evil.example/owa"), Ct);
        Assert.Equal(("suspicious", 0), (url.Verdict, url.Score));
        await source.LookupAsync(Entity.Create(EntityType.Domain, "a.example"), Ct);
        await source.LookupAsync(Entity.Create(EntityType.Domain, "b.example"), Ct);

        var limited = await source.LookupAsync(Entity.Create(EntityType.Domain, "c.example"), Ct);
        Assert.Equal(EnrichmentStatus.Failed, limited.Status);
        Assert.StartsWith("rate limit of 4 per 1 min reached", limited.Error, StringComparison.Ordinal);
        Assert.Equal(4, _vendor.Received.Count);

        _time.Advance(TimeSpan.FromSeconds(61));
        _vendor.On("GET /domains/c.example", RecordedResponse.File(429, "enrichment/virustotal-quota.json"));
        var refused = await source.LookupAsync(Entity.Create(EntityType.Domain, "c.example"), Ct);
        Assert.Equal(EnrichmentStatus.Failed, refused.Status);
        Assert.Contains("quota exceeded", refused.Error, StringComparison.Ordinal);
        Assert.Equal(1, harness.Clients.Health.Get("virustotal").TransientFailures);
    }

    [Fact]
    public async Task AbuseIpDb_Check_ScoreAndFacts_KeyHeaderAndQuery_401IsFailedWithVendorText()
    {
        _vendor.On("GET /check", RecordedResponse.File(200, "enrichment/abuseipdb-check.json"), RecordedResponse.File(401, "enrichment/abuseipdb-unauthorized.json"));
        await using var harness = await StartAsync("abuseipdb", "abuse-key", ("MaxAgeInDays", "30"));
        var source = Source(harness, "abuseipdb");

        var result = await source.LookupAsync(Entity.Create(EntityType.Ip, "185.220.101.9"), Ct);

        Assert.Equal((EnrichmentStatus.Found, "malicious", 100), (result.Status, result.Verdict, result.Score));
        Assert.Equal(("1542", "true", "torservers.net"), (result.Attributes["total_reports"], result.Attributes["is_tor"], result.Attributes["domain"]));
        var request = _vendor.Single("GET", "/check");
        Assert.Equal("/check?ipAddress=185.220.101.9&maxAgeInDays=30", request.PathAndQuery);
        Assert.Equal("abuse-key", request.Header("Key"));
        Assert.False(source.Supports(EntityType.Domain));

        var failed = await source.LookupAsync(Entity.Create(EntityType.Ip, "81.2.69.160"), Ct);
        Assert.Equal(EnrichmentStatus.Failed, failed.Status);
        Assert.Contains("HTTP 401", failed.Error, StringComparison.Ordinal);
        Assert.Contains("Authentication failed", failed.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GreyNoise_RiotIsBenign_404IsNotObserved_WorksWithoutKey()
    {
        _vendor.On("GET /v3/community/8.8.8.8", RecordedResponse.File(200, "enrichment/greynoise-riot.json"))
            .On("GET /v3/community/81.2.69.160", RecordedResponse.File(404, "enrichment/greynoise-not-observed.json"));
        await using var harness = await StartAsync("greynoise", key: null);
        var source = Source(harness, "greynoise");

        var riot = await source.LookupAsync(Entity.Create(EntityType.Ip, "8.8.8.8"), Ct);
        Assert.Equal((EnrichmentStatus.Found, "benign", "Google Public DNS"), (riot.Status, riot.Verdict, riot.Attributes["name"]));
        Assert.Null(_vendor.Single("GET", "/v3/community/8.8.8.8").Header("key"));
        Assert.Equal(EnrichmentStatus.NotFound, (await source.LookupAsync(Entity.Create(EntityType.Ip, "81.2.69.160"), Ct)).Status);
    }

    [Fact]
    public async Task Misp_RestSearch_PostsValueWithKey_ToIdsAttributeIsMalicious_EmptyIsNotFound()
    {
        _vendor.On("POST /attributes/restSearch", RecordedResponse.File(200, "enrichment/misp-attributes.json"), RecordedResponse.File(200, "enrichment/misp-empty.json"));
        await using var harness = await StartAsync("misp", "misp-auth-key");
        var source = Source(harness, "misp");

        var hit = await source.LookupAsync(Entity.Create(EntityType.Domain, "evil.example"), Ct);
        Assert.Equal((EnrichmentStatus.Found, "malicious"), (hit.Status, hit.Verdict));
        Assert.Equal(("1204: Phishing kit targeting OWA", "tlp:amber", "1"), (hit.Attributes["events"], hit.Attributes["tags"], hit.Attributes["to_ids"]));
        var request = _vendor.Received[0];
        Assert.Equal("misp-auth-key", request.Header("Authorization"));
        Assert.Contains("\"value\":\"evil.example\"", request.Body, StringComparison.Ordinal);
        Assert.Contains("\"returnFormat\":\"json\"", request.Body, StringComparison.Ordinal);

        Assert.Equal(EnrichmentStatus.NotFound, (await source.LookupAsync(Entity.Create(EntityType.Ip, "81.2.69.160"), Ct)).Status);
    }

    [Fact]
    public async Task GenericRest_PathTemplateVerdictScoreAndAttributesFromConfiguration()
    {
        _vendor.On("GET /lookup/ip/185.220.101.9", RecordedResponse.File(200, "enrichment/rest-lookup.json"))
            .On("GET /lookup/ip/81.2.69.160", new RecordedResponse(404, "{\"error\":\"unknown\"}"));
        await using var harness = await StartAsync("rest", "rest-key",
            ("Path", "lookup/{type}/{value}"), ("Types", "ip"), ("KeyHeader", "X-Auth"), ("VerdictPath", "result.verdict"), ("ScorePath", "result.risk"),
            ("Attributes", "country=result.country; category=result.category"));
        var source = Source(harness, "rest");

        var result = await source.LookupAsync(Entity.Create(EntityType.Ip, "185.220.101.9"), Ct);

        Assert.Equal(("malicious", 88, "DE", "tor-exit"), (result.Verdict, result.Score, result.Attributes["country"], result.Attributes["category"]));
        Assert.Equal("rest-key", _vendor.Received[0].Header("X-Auth"));
        Assert.False(source.Supports(EntityType.Domain));
        Assert.Equal(EnrichmentStatus.NotFound, (await source.LookupAsync(Entity.Create(EntityType.Ip, "81.2.69.160"), Ct)).Status);
    }

    [Fact]
    public async Task Disabled_SupportsNothing_EnabledWithoutKey_FailsNamingTheSecret_VendorTimeoutIsFailed()
    {
        _vendor.On("GET /check", new RecordedResponse(200, "{}", Delay: TimeSpan.FromSeconds(3)));
        await using (var off = await ConnectorHarness.StartAsync(ConnectorHarness.For("virustotal", _vendor), _time))
        {
            Assert.False(Source(off, "virustotal").Supports(EntityType.Ip));
        }

        await using var harness = await StartAsync("virustotal", key: null);
        var missing = await Source(harness, "virustotal").LookupAsync(Entity.Create(EntityType.Ip, "81.2.69.160"), Ct);
        Assert.Equal(EnrichmentStatus.Failed, missing.Status);
        Assert.Contains("vigil connectors set-secret virustotal api_key", missing.Error, StringComparison.Ordinal);
        Assert.Empty(_vendor.Received);

        await using var slow = await ConnectorHarness.StartAsync(
            Enabled(ConnectorHarness.For("abuseipdb", _vendor, ("TimeoutSeconds", "0.3")), "abuseipdb"), time: null);
        await slow.Secrets.SetAsync("abuseipdb", ReputationSource.KeySecret, "k", ConnectorHarness.Operator, Ct);
        var timedOut = await Source(slow, "abuseipdb", TimeProvider.System).LookupAsync(Entity.Create(EntityType.Ip, "81.2.69.160"), Ct);
        Assert.Equal(EnrichmentStatus.Failed, timedOut.Status);
        Assert.Contains("no answer within 0.3 s", timedOut.Error, StringComparison.Ordinal);
    }

    private async Task<ConnectorHarness> StartAsync(string connector, string? key, params (string Key, string Value)[] settings)
    {
        var harness = await ConnectorHarness.StartAsync(Enabled(ConnectorHarness.For(connector, _vendor, settings), connector), _time);
        if (key is not null)
        {
            await harness.Secrets.SetAsync(connector, ReputationSource.KeySecret, key, ConnectorHarness.Operator, Ct);
        }

        return harness;
    }

    private static Dictionary<string, string?> Enabled(Dictionary<string, string?> configuration, string connector)
    {
        configuration[$"Vigil:Connectors:{connector}:Enabled"] = "true";
        return configuration;
    }

    private IEnrichmentSource Source(ConnectorHarness harness, string name, TimeProvider? time = null)
    {
        IReputationApi api = name switch
        {
            "virustotal" => new VirusTotalApi(),
            "abuseipdb" => new AbuseIpDbApi(),
            "greynoise" => new GreyNoiseApi(),
            "misp" => new MispApi(),
            _ => new GenericRestApi(name),
        };
        return new ReputationSource(api, harness.Clients, harness.Secrets, time ?? _time);
    }
}
