using Vigil.Connectors.Tests.Support;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

public sealed class DefenderConnectorTests : IAsyncLifetime
{
    private const string MachineId = "1e5bc9d7e413ddd7902c2932e418702b84d0cc07";
    private LoopbackVendor _defender = null!;
    private ConnectorHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _defender = await LoopbackVendor.StartAsync();
        _defender.On("POST /contoso-tenant/oauth2/v2.0/token", RecordedResponse.File(200, "defender/token.json"));
        _harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("defender", _defender, ("TenantId", "contoso-tenant"), ("ClientId", "aaaabbbb-0000-1111-2222-333344445555"),
            ("TokenUrl", new Uri(_defender.BaseUrl, "contoso-tenant/oauth2/v2.0/token").ToString())));
        await _harness.Secrets.SetAsync("defender", "client_secret", "defender-secret-TEST-value", ConnectorHarness.Operator, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _defender.DisposeAsync();
    }

    [Fact]
    public async Task Isolate_ByName_FindsTheMachineThenRequestsFullIsolation()
    {
        _defender.On("GET /api/machines", RecordedResponse.File(200, "defender/machines.json"));
        _defender.On($"POST /api/machines/{MachineId}/isolate", RecordedResponse.File(201, "defender/isolate.json"));

        var result = await _harness.Connector("defender").ExecuteAsync(Calls.For("host.isolate", ("host", "WS-12.contoso.com")), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("Defender machine WS-12.contoso.com isolation requested (machine action b89eb834-4578-496c-8be0-03f004061435, Pending)", result.Summary);
        Assert.Equal($"{{\"machine_id\":\"{MachineId}\"}}", result.RollbackToken);
        Assert.Equal("computerDnsName eq 'ws-12.contoso.com'", Uri.UnescapeDataString(_defender.Single("GET", "/api/machines").PathAndQuery.Split("$filter=")[1]));
        var isolate = _defender.Single("POST", $"/api/machines/{MachineId}/isolate");
        Assert.Equal("{\"Comment\":\"Isolated by Vigil act_1 (case case_1)\",\"IsolationType\":\"Full\"}", isolate.Body);
        Assert.Equal("Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.defender-test-token", isolate.Header("Authorization"));
        Assert.Contains("scope=https%3A%2F%2Fapi.securitycenter.microsoft.com%2F.default", _defender.Single("POST", "/contoso-tenant/").Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Release_ByMachineId_Unisolates()
    {
        _defender.On($"POST /api/machines/{MachineId}/unisolate", RecordedResponse.File(201, "defender/unisolate.json"));

        var result = await _harness.Connector("defender").ExecuteAsync(Calls.For("host.release", ("host", MachineId)), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("c90fc945-5689-4a7d-9cf1-14f115172546", result.ExternalReference);
        Assert.Equal("{\"Comment\":\"Released by Vigil act_1 (case case_1)\"}", _defender.Single("POST", "/api/machines/").Body);
    }

    [Fact]
    public async Task Isolate_ActionAlreadyPending_FailsWithDefenderCode()
    {
        _defender.On($"POST /api/machines/{MachineId}/isolate", RecordedResponse.File(400, "defender/already-isolated.json"));

        var result = await _harness.Connector("defender").ExecuteAsync(Calls.For("host.isolate", ("host", MachineId)), Ct);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal($"isolating Defender machine {MachineId} failed: HTTP 400 ActiveRequestAlreadyExists: Action is already in progress", result.Summary);
    }
}
