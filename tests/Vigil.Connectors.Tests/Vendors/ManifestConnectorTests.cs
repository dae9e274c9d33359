using System.Text.Json;
using Vigil.Connectors.Tests.Support;
using Vigil.Connectors.Vendors.Manifest;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

public sealed class ManifestConnectorTests : IAsyncLifetime
{
    private const string ApiToken = "cf-api-token-TEST-0123456789";
    private const string RulesPath = "/client/v4/zones/023e105f4ecef8ad9ca31a8372d0c353/firewall/access_rules/rules";
    private LoopbackVendor _cloudflare = null!;
    private ConnectorHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _cloudflare = await LoopbackVendor.StartAsync();
        var configuration = ConnectorHarness.For("cloudflare", _cloudflare, ("ZoneId", "023e105f4ecef8ad9ca31a8372d0c353"));
        foreach (var (key, value) in ConnectorHarness.For("pagerduty", _cloudflare))
        {
            configuration[key] = value;
        }

        _harness = await ConnectorHarness.StartAsync(configuration);
        await _harness.Secrets.SetAsync("cloudflare", "api_token", ApiToken, ConnectorHarness.Operator, Ct);
        await _harness.Secrets.SetAsync("pagerduty", "routing_key", "R0UT1NGKEYTEST0000000000000000", ConnectorHarness.Operator, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _cloudflare.DisposeAsync();
    }

    [Fact]
    public async Task Cloudflare_BlockThenRollback_CreatesAndDeletesExactlyThatRule()
    {
        _cloudflare.On($"POST {RulesPath}", RecordedResponse.File(200, "cloudflare/rule-created.json"));
        _cloudflare.On($"DELETE {RulesPath}/92f17202ed8bd63d69a66b86a49a8f6b", RecordedResponse.File(200, "cloudflare/rule-deleted.json"));
        var connector = _harness.Connector("cloudflare");

        var block = await connector.ExecuteAsync(Calls.For("indicator.block", ("indicator", "198.51.100.4")), Ct);
        var unblock = await connector.ExecuteAsync(Calls.For("indicator.unblock") with { RollbackToken = block.RollbackToken }, Ct);

        Assert.Equal((ConnectorOutcome.Succeeded, "92f17202ed8bd63d69a66b86a49a8f6b", "92f17202ed8bd63d69a66b86a49a8f6b"), (block.Outcome, block.ExternalReference, block.RollbackToken));
        Assert.Equal("block", block.Details["mode"]);
        var create = _cloudflare.Single("POST", RulesPath);
        Assert.Equal($"Bearer {ApiToken}", create.Header("Authorization"));
        Assert.Equal("{\"mode\":\"block\",\"configuration\":{\"target\":\"ip\",\"value\":\"198.51.100.4\"},\"notes\":\"Vigil act_1 (case case_1)\"}", create.Body);
        Assert.Equal(ConnectorOutcome.Succeeded, unblock.Outcome);
        Assert.Equal($"Bearer {ApiToken}", _cloudflare.Single("DELETE", RulesPath).Header("Authorization"));
        Assert.DoesNotContain(ApiToken, _harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Cloudflare_InjectionAttempt_StaysInsideTheJsonString()
    {
        _cloudflare.On($"POST {RulesPath}", RecordedResponse.File(200, "cloudflare/rule-created.json"));

        await _harness.Connector("cloudflare").ExecuteAsync(Calls.For("indicator.block", ("indicator", "1.2.3.4\"},\"mode\":\"whitelist")), Ct);

        using var body = JsonDocument.Parse(_cloudflare.Single("POST", RulesPath).Body);
        Assert.Equal("block", body.RootElement.GetProperty("mode").GetString());
        Assert.Equal("1.2.3.4\"},\"mode\":\"whitelist", body.RootElement.GetProperty("configuration").GetProperty("value").GetString());
    }

    [Fact]
    public async Task Cloudflare_Simulate_MasksTheSecretAndSendsNothing()
    {
        var result = await _harness.Connector("cloudflare").ExecuteAsync(Calls.For("indicator.block", ("indicator", "198.51.100.4")) with { Simulate = true }, Ct);

        Assert.Equal($"simulated, nothing sent: would POST http://127.0.0.1:{_cloudflare.BaseUrl.Port}{RulesPath}", result.Summary);
        Assert.DoesNotContain(ApiToken, result.Details["request_1"], StringComparison.Ordinal);
        Assert.Empty(_cloudflare.Received);
    }

    [Fact]
    public async Task PagerDuty_Notify_UsesTheIdempotencyKeyAsDedupKey()
    {
        _cloudflare.On("POST /v2/enqueue", new RecordedResponse(202, "{\"status\":\"success\",\"message\":\"Event processed\",\"dedup_key\":\"act_1/attempt-key\"}"));

        var result = await _harness.Connector("pagerduty").ExecuteAsync(Calls.For("notify.send", ("message", "Ransomware on FS-01")), Ct);

        Assert.Equal((ConnectorOutcome.Succeeded, "act_1/attempt-key", "Event processed"), (result.Outcome, result.ExternalReference, result.Details["message"]));
        using var body = JsonDocument.Parse(_cloudflare.Single("POST", "/v2/enqueue").Body);
        Assert.Equal("R0UT1NGKEYTEST0000000000000000", body.RootElement.GetProperty("routing_key").GetString());
        Assert.Equal(("trigger", "act_1/attempt-key"), (body.RootElement.GetProperty("event_action").GetString(), body.RootElement.GetProperty("dedup_key").GetString()));
        Assert.Equal("Ransomware on FS-01", body.RootElement.GetProperty("payload").GetProperty("summary").GetString());
    }

    [Theory]
    [InlineData("path: \"x/{{ inputs.id }}\"", "must use the 'url' filter")]
    [InlineData("path: \"x/{{ inputs.other | url }}\"", "refers to nothing declared")]
    [InlineData("path: \"x/{{ inputs.id | json }}\"", "must use the 'url' filter")]
    [InlineData("path: \"https://elsewhere.example/x\"", "a path relative to the base URL is required")]
    [InlineData("path: \"x/{{ secrets.nope | url }}\"", "refers to nothing declared")]
    public void Load_BadTemplates_RefusedWithTheReason(string pathLine, string reason)
    {
        var yaml = $"name: demo\nsecrets: [token]\nactions:\n  host.isolate:\n    inputs: [id]\n    request:\n      method: POST\n      {pathLine}\n";

        var error = Assert.Throws<ManifestLoadException>(() => ManifestLoader.Load("demo.yaml", yaml));

        Assert.Contains(error.Problems, p => p.Contains(reason, StringComparison.Ordinal));
    }

    [Fact]
    public void Load_UnknownKey_RefusedWithLine()
    {
        var error = Assert.Throws<ManifestLoadException>(() => ManifestLoader.Load("demo.yaml", "name: demo\nactons: {}\n"));

        Assert.StartsWith("demo.yaml:2:", error.Problems[0], StringComparison.Ordinal);
    }
}
