using System.Net;
using Microsoft.Extensions.Time.Testing;
using Vigil.Connectors.Http;
using Vigil.Connectors.Tests.Support;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Http;

public sealed class ConnectorClientTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private LoopbackVendor _vendor = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _vendor = await LoopbackVendor.StartAsync();

    public async ValueTask DisposeAsync() => await _vendor.DisposeAsync();

    [Fact]
    public async Task SendAsync_Success_ReturnsBodyAndRecordsHealth()
    {
        _vendor.On("GET /ok", new RecordedResponse(200, "{\"a\":1}"));
        await using var harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("demo", _vendor), new FakeTimeProvider(Now));

        var response = await harness.Clients.For("demo").SendAsync(Get("ok"), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, response.Outcome);
        Assert.Equal(1, response.Json().GetProperty("a").GetInt32());
        var health = harness.Clients.Health.Get("demo");
        Assert.Equal((1, 1, 0, 0), (health.Calls, health.Successes, health.TransientFailures, health.Failures));
        Assert.Equal(Now, health.LastSuccessAt);
        Assert.NotNull(health.LastLatencyMs);
    }

    [Fact]
    public async Task SendAsync_429WithRetryAfterSeconds_IsTransientWithDelay()
    {
        _vendor.On("GET /limited", new RecordedResponse(429, "{\"errorSummary\":\"API call exceeded rate limit\"}", new Dictionary<string, string> { ["Retry-After"] = "7" }));
        await using var harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("demo", _vendor), new FakeTimeProvider(Now));

        var response = await harness.Clients.For("demo").SendAsync(Get("limited"), Ct);

        Assert.Equal(ConnectorOutcome.Transient, response.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(7), response.RetryAfter);
        Assert.Contains("429", response.Error, StringComparison.Ordinal);
        Assert.Contains("rate limit", response.Error, StringComparison.Ordinal);
        Assert.Equal(1, harness.Clients.Health.Get("demo").TransientFailures);
    }

    [Fact]
    public async Task SendAsync_503WithHttpDateOrVendorResetHeader_IsTransientUntilThen()
    {
        _vendor.On("GET /down", new RecordedResponse(503, "", new Dictionary<string, string> { ["Retry-After"] = Now.AddMinutes(2).ToString("r") }));
        _vendor.On("GET /okta", new RecordedResponse(429, "", new Dictionary<string, string> { ["X-Rate-Limit-Reset"] = Now.AddSeconds(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        await using var harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("demo", _vendor), new FakeTimeProvider(Now));

        var down = await harness.Clients.For("demo").SendAsync(Get("down"), Ct);
        var okta = await harness.Clients.For("demo").SendAsync(Get("okta"), Ct);

        Assert.Equal((ConnectorOutcome.Transient, TimeSpan.FromMinutes(2)), (down.Outcome, down.RetryAfter));
        Assert.Equal((ConnectorOutcome.Transient, TimeSpan.FromSeconds(30)), (okta.Outcome, okta.RetryAfter));
    }

    [Theory]
    [InlineData(400, ConnectorOutcome.Failed)]
    [InlineData(401, ConnectorOutcome.Failed)]
    [InlineData(404, ConnectorOutcome.Failed)]
    [InlineData(408, ConnectorOutcome.Transient)]
    [InlineData(500, ConnectorOutcome.Transient)]
    [InlineData(501, ConnectorOutcome.Failed)]
    [InlineData(502, ConnectorOutcome.Transient)]
    [InlineData(504, ConnectorOutcome.Transient)]
    public void Classify_Status_FollowsRetrySemantics(int status, ConnectorOutcome expected) =>
        Assert.Equal(expected, ResponseClassifier.Classify((HttpStatusCode)status));

    [Fact]
    public async Task SendAsync_NoAnswerWithinTimeout_IsTransient()
    {
        _vendor.On("GET /slow", new RecordedResponse(200, "{}", Delay: TimeSpan.FromSeconds(5)));
        var configuration = ConnectorHarness.For("demo", _vendor);
        configuration["Vigil:Connectors:demo:TimeoutSeconds"] = "0.2";
        await using var harness = await ConnectorHarness.StartAsync(configuration);

        var response = await harness.Clients.For("demo").SendAsync(Get("slow"), Ct);

        Assert.Equal(ConnectorOutcome.Transient, response.Outcome);
        Assert.Equal("no answer within 0.2 s", response.Error);
    }

    [Fact]
    public async Task SendAsync_LoopbackNotAllowed_RefusedWithoutConnecting()
    {
        _vendor.On("GET /ok", new RecordedResponse(200, "{}"));
        var configuration = ConnectorHarness.For("demo", _vendor);
        configuration.Remove("Vigil:Connectors:demo:AllowLoopback");
        await using var harness = await ConnectorHarness.StartAsync(configuration);

        var byAddress = await harness.Clients.For("demo").SendAsync(Get("ok"), Ct);
        var byName = await harness.Clients.For("demo").SendAsync(new OutboundRequest { Method = HttpMethod.Get, Url = new Uri($"http://localhost:{_vendor.BaseUrl.Port}/ok") }, Ct);

        Assert.Equal(ConnectorOutcome.Failed, byAddress.Outcome);
        Assert.Contains("refused to connect to 127.0.0.1", byAddress.Error, StringComparison.Ordinal);
        Assert.Equal(ConnectorOutcome.Failed, byName.Outcome);
        Assert.Contains("Loopback", byName.Error, StringComparison.Ordinal);
        Assert.Empty(_vendor.Received);
        Assert.Contains(harness.Logs.Lines, line => line.Contains("SSRF guard refused", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SendAsync_MetadataAddress_RefusedEvenWithEverythingAllowed()
    {
        var configuration = ConnectorHarness.For("demo", _vendor, ("AllowPrivateNetwork", "true"));
        await using var harness = await ConnectorHarness.StartAsync(configuration);

        var response = await harness.Clients.For("demo").SendAsync(new OutboundRequest { Method = HttpMethod.Get, Url = new Uri("http://169.254.169.254/latest/meta-data/iam/") }, Ct);

        Assert.Equal(ConnectorOutcome.Failed, response.Outcome);
        Assert.Contains("Metadata", response.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_Redirect_NotFollowed()
    {
        _vendor.On("GET /moved", new RecordedResponse(302, "", new Dictionary<string, string> { ["Location"] = "http://169.254.169.254/latest/" }));
        await using var harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("demo", _vendor));

        var response = await harness.Clients.For("demo").SendAsync(Get("moved"), Ct);

        Assert.Equal((ConnectorOutcome.Failed, HttpStatusCode.Found), (response.Outcome, response.StatusCode));
        Assert.Single(_vendor.Received);
    }

    [Fact]
    public async Task SendAsync_OversizedAnswer_RefusedNotBuffered()
    {
        _vendor.On("GET /huge", new RecordedResponse(200, new string('x', ConnectorClient.MaxResponseBytes + 10)));
        await using var harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("demo", _vendor));

        var response = await harness.Clients.For("demo").SendAsync(Get("huge"), Ct);

        Assert.Equal(ConnectorOutcome.Failed, response.Outcome);
        Assert.Contains("larger than", response.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SendAsync_ConnectionRefused_IsTransient()
    {
        var port = _vendor.BaseUrl.Port;
        await _vendor.DisposeAsync();
        _vendor = await LoopbackVendor.StartAsync();
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?> { ["Vigil:Connectors:demo:AllowLoopback"] = "true" });

        var response = await harness.Clients.For("demo").SendAsync(new OutboundRequest { Method = HttpMethod.Get, Url = new Uri($"http://127.0.0.1:{port}/gone") }, Ct);

        Assert.Equal(ConnectorOutcome.Transient, response.Outcome);
        Assert.Null(response.StatusCode);
    }

    private OutboundRequest Get(string path) => new() { Method = HttpMethod.Get, Url = new Uri(_vendor.BaseUrl, path) };
}
