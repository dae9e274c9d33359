using Microsoft.Extensions.Time.Testing;
using Vigil.Connectors.Tests.Support;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

public sealed class GraphConnectorTests : IAsyncLifetime
{
    private const string ClientSecret = "Qx8Q~graph.client.secret-TEST~value";
    private const string TokenPath = "/7f0c1e2d-tenant/oauth2/v2.0/token";
    private LoopbackVendor _microsoft = null!;
    private ConnectorHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _microsoft = await LoopbackVendor.StartAsync();
        _microsoft.On($"POST {TokenPath}", RecordedResponse.File(200, "graph/token.json"));
        var configuration = ConnectorHarness.For("graph", _microsoft, ("TenantId", "7f0c1e2d-tenant"), ("ClientId", "11111111-2222-3333-4444-555555555555"),
            ("TokenUrl", new Uri(_microsoft.BaseUrl, TokenPath.TrimStart('/')).ToString()));
        _harness = await ConnectorHarness.StartAsync(configuration, new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));
        await _harness.Secrets.SetAsync("graph", "client_secret", ClientSecret, ConnectorHarness.Operator, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _microsoft.DisposeAsync();
    }

    [Fact]
    public async Task Disable_GetsAClientCredentialsToken_ThenPatchesAccountEnabled()
    {
        _microsoft.On("PATCH /v1.0/users/adele.vance%40contoso.com", new RecordedResponse(204));

        var result = await _harness.Connector("graph").ExecuteAsync(Calls.For("account.disable", ("user", "adele.vance@contoso.com")), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("Entra ID account adele.vance@contoso.com disabled (accountEnabled=false)", result.Summary);
        Assert.Equal("{\"user\":\"adele.vance@contoso.com\"}", result.RollbackToken);
        var token = _microsoft.Single("POST", TokenPath);
        Assert.Equal("application/x-www-form-urlencoded", token.Header("Content-Type"));
        Assert.Equal(
            $"grant_type=client_credentials&client_id=11111111-2222-3333-4444-555555555555&client_secret={Uri.EscapeDataString(ClientSecret).Replace("%20", "+", StringComparison.Ordinal)}&scope=https%3A%2F%2Fgraph.microsoft.com%2F.default",
            token.Body);
        var patch = _microsoft.Single("PATCH", "/v1.0/users/");
        Assert.Equal("{\"accountEnabled\":false}", patch.Body);
        Assert.Equal("application/json", patch.Header("Content-Type"));
        Assert.Equal("Bearer eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiIsIng1dCI6Ik1uQ19WWmNBVGZNNXBP-graph-test-token", patch.Header("Authorization"));
    }

    [Fact]
    public async Task EnableThenRevoke_ReuseTheCachedToken()
    {
        _microsoft.On("PATCH /v1.0/users/adele.vance%40contoso.com", new RecordedResponse(204));
        _microsoft.On("POST /v1.0/users/adele.vance%40contoso.com/revokeSignInSessions", RecordedResponse.File(200, "graph/revoke.json"));

        var enable = await _harness.Connector("graph").ExecuteAsync(Calls.For("account.enable", ("user", "adele.vance@contoso.com")), Ct);
        var revoke = await _harness.Connector("graph").ExecuteAsync(Calls.For("token.revoke", ("user", "adele.vance@contoso.com")), Ct);

        Assert.Equal("{\"accountEnabled\":true}", _microsoft.Single("PATCH", "/v1.0/users/").Body);
        Assert.Equal(ConnectorOutcome.Succeeded, enable.Outcome);
        Assert.Equal(("sign-in sessions of adele.vance@contoso.com revoked", (string?)null), (revoke.Summary, revoke.RollbackToken));
        Assert.Single(_microsoft.Received, r => r.PathAndQuery == TokenPath);
    }

    [Fact]
    public async Task Disable_TokenRejected_FetchesANewTokenOnce()
    {
        _microsoft.On("PATCH /v1.0/users/adele.vance%40contoso.com", RecordedResponse.File(401, "graph/invalid-token.json"), new RecordedResponse(204));

        var result = await _harness.Connector("graph").ExecuteAsync(Calls.For("account.disable", ("user", "adele.vance@contoso.com")), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal(2, _microsoft.Received.Count(r => r.PathAndQuery == TokenPath));
    }

    [Fact]
    public async Task Disable_UnknownUser_FailsWithGraphError()
    {
        _microsoft.On("PATCH /v1.0/users/nobody%40contoso.com", RecordedResponse.File(404, "graph/not-found.json"));

        var result = await _harness.Connector("graph").ExecuteAsync(Calls.For("account.disable", ("user", "nobody@contoso.com")), Ct);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.StartsWith("disabling Entra ID account nobody@contoso.com failed: HTTP 404 Request_ResourceNotFound: Resource 'nobody@contoso.com' does not exist", result.Summary, StringComparison.Ordinal);
        Assert.DoesNotContain(ClientSecret, _harness.Logs.AllText, StringComparison.Ordinal);
    }
}
