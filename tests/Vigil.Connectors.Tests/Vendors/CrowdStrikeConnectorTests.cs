using Vigil.Connectors.Tests.Support;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

public sealed class CrowdStrikeConnectorTests : IAsyncLifetime
{
    private const string ClientSecret = "falconSecretTEST0123456789abcdefABCDEF";
    private const string DeviceId = "4f1c2a3b5d6e7f8091a2b3c4d5e6f701";
    private LoopbackVendor _falcon = null!;
    private ConnectorHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _falcon = await LoopbackVendor.StartAsync();
        _falcon.On("POST /oauth2/token", RecordedResponse.File(201, "crowdstrike/token.json"));
        _harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("crowdstrike", _falcon, ("ClientId", "0a1b2c3d4e5f60718293a4b5c6d7e8f9")));
        await _harness.Secrets.SetAsync("crowdstrike", "client_secret", ClientSecret, ConnectorHarness.Operator, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _falcon.DisposeAsync();
    }

    [Fact]
    public async Task Isolate_ByHostname_LooksUpTheDeviceThenContains()
    {
        _falcon.On("GET /devices/queries/devices/v1", RecordedResponse.File(200, "crowdstrike/query-one.json"));
        _falcon.On("POST /devices/entities/devices-actions/v2", RecordedResponse.File(202, "crowdstrike/action-accepted.json"));

        var result = await _harness.Connector("crowdstrike").ExecuteAsync(Calls.For("host.isolate", ("host", "WS-12")), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal($"Falcon host WS-12 network-contained (device {DeviceId})", result.Summary);
        Assert.Equal(DeviceId, result.ExternalReference);
        Assert.Equal($"{{\"device_id\":\"{DeviceId}\"}}", result.RollbackToken);
        Assert.Equal("8f2c6d1a-5b3e-4c7d-9e0f-1a2b3c4d5e6f", result.Details["trace_id"]);
        var token = _falcon.Single("POST", "/oauth2/token");
        Assert.Equal($"grant_type=client_credentials&client_id=0a1b2c3d4e5f60718293a4b5c6d7e8f9&client_secret={ClientSecret}", token.Body);
        Assert.Equal("/devices/queries/devices/v1?filter=hostname%3A%27WS-12%27", _falcon.Single("GET", "/devices/queries/").PathAndQuery);
        var contain = _falcon.Single("POST", "/devices/entities/devices-actions/v2");
        Assert.Equal("/devices/entities/devices-actions/v2?action_name=contain", contain.PathAndQuery);
        Assert.Equal($"{{\"ids\":[\"{DeviceId}\"]}}", contain.Body);
        Assert.StartsWith("Bearer eyJhbGciOiJSUzI1NiIsImtpZCI6InB1YmxpYzpmYWxjb24tdGVzdC10b2tlbiJ9", contain.Header("Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_FromRollbackToken_LiftsContainmentOfThatDeviceWithoutLookup()
    {
        _falcon.On("POST /devices/entities/devices-actions/v2", RecordedResponse.File(202, "crowdstrike/action-accepted.json"));

        var result = await _harness.Connector("crowdstrike").ExecuteAsync(
            Calls.For("host.release", ("host", "WS-12")) with { RollbackToken = $"{{\"device_id\":\"{DeviceId}\"}}" }, Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("/devices/entities/devices-actions/v2?action_name=lift_containment", _falcon.Single("POST", "/devices/entities/").PathAndQuery);
        Assert.DoesNotContain(_falcon.Received, r => r.PathAndQuery.StartsWith("/devices/queries/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Isolate_AmbiguousHostname_RefusedWithoutActing()
    {
        _falcon.On("GET /devices/queries/devices/v1", RecordedResponse.File(200, "crowdstrike/query-two.json"));

        var result = await _harness.Connector("crowdstrike").ExecuteAsync(Calls.For("host.isolate", ("host", "WS-12")), Ct);

        Assert.Equal((ConnectorOutcome.Failed, "2 Falcon hosts are named WS-12; give the device id"), (result.Outcome, result.Summary));
        Assert.DoesNotContain(_falcon.Received, r => r.PathAndQuery.StartsWith("/devices/entities/", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Isolate_HostnameWithQuote_CannotWidenTheFilter()
    {
        _falcon.On("GET /devices/queries/devices/v1", new RecordedResponse(200, "{\"meta\":{},\"resources\":[],\"errors\":[]}"));

        var result = await _harness.Connector("crowdstrike").ExecuteAsync(Calls.For("host.isolate", ("host", "x',hostname:*'")), Ct);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal("hostname:'x\\',hostname:*\\''", Uri.UnescapeDataString(_falcon.Single("GET", "/devices/queries/").PathAndQuery.Split("filter=")[1]));
    }

    [Fact]
    public async Task Isolate_Forbidden_FailsWithFalconMessage()
    {
        _falcon.On("POST /devices/entities/devices-actions/v2", RecordedResponse.File(403, "crowdstrike/forbidden.json"));

        var result = await _harness.Connector("crowdstrike").ExecuteAsync(Calls.For("host.isolate", ("host", DeviceId)), Ct);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal($"containing Falcon host {DeviceId} failed: HTTP 403: access denied, authorization failed", result.Summary);
    }
}
