using Microsoft.Extensions.Time.Testing;
using Vigil.Connectors.Tests.Support;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

public sealed class OktaConnectorTests : IAsyncLifetime
{
    private const string Token = "00QCjAl4MlV-WPXM-okta-test-token-0Z5hDJBP";
    private const string UserPath = "/api/v1/users/isaac.brock%40example.com";
    private LoopbackVendor _okta = null!;
    private ConnectorHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _okta = await LoopbackVendor.StartAsync();
        _harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("okta", _okta), new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero)));
        await _harness.Secrets.SetAsync("okta", "api_token", Token, ConnectorHarness.Operator, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _okta.DisposeAsync();
    }

    [Fact]
    public async Task Disable_ActiveUser_SuspendsById()
    {
        _okta.On($"GET {UserPath}", RecordedResponse.File(200, "okta/user-active.json"));
        _okta.On("POST /api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/suspend", new RecordedResponse(200, "{}"));

        var result = await _harness.Connector("okta").ExecuteAsync(Calls.For("account.disable", ("user", "isaac.brock@example.com")), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("Okta user isaac.brock@example.com suspended", result.Summary);
        Assert.Equal("00ub0oNGTSWTBKOLGLNR", result.ExternalReference);
        Assert.Equal("{\"user_id\":\"00ub0oNGTSWTBKOLGLNR\"}", result.RollbackToken);
        Assert.Equal("ACTIVE", result.Details["status_before"]);
        var suspend = _okta.Single("POST", "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/suspend");
        Assert.Equal($"SSWS {Token}", suspend.Header("Authorization"));
        Assert.Equal("application/json", suspend.Header("Accept"));
        Assert.Equal(string.Empty, suspend.Body);
        Assert.Equal($"SSWS {Token}", _okta.Single("GET", UserPath).Header("Authorization"));
    }

    [Fact]
    public async Task Disable_AlreadySuspended_SucceedsWithoutASecondChange()
    {
        _okta.On($"GET {UserPath}", RecordedResponse.File(200, "okta/user-suspended.json"));

        var result = await _harness.Connector("okta").ExecuteAsync(Calls.For("account.disable", ("user", "isaac.brock@example.com")), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Equal("Okta user isaac.brock@example.com was already suspended", result.Summary);
        Assert.Single(_okta.Received);
    }

    [Fact]
    public async Task Enable_SuspendedUser_Unsuspends()
    {
        _okta.On($"GET {UserPath}", RecordedResponse.File(200, "okta/user-suspended.json"));
        _okta.On("POST /api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/unsuspend", new RecordedResponse(200, "{}"));

        var result = await _harness.Connector("okta").ExecuteAsync(Calls.For("account.enable", ("user", "isaac.brock@example.com")), Ct);

        Assert.Equal("Okta user isaac.brock@example.com unsuspended", result.Summary);
        _okta.Single("POST", "/api/v1/users/00ub0oNGTSWTBKOLGLNR/lifecycle/unsuspend");
    }

    [Fact]
    public async Task RevokeTokens_ClearsSessionsAndOAuthTokens_IrreversibleSoNoRollbackToken()
    {
        _okta.On($"GET {UserPath}", RecordedResponse.File(200, "okta/user-active.json"));
        _okta.On("DELETE /api/v1/users/00ub0oNGTSWTBKOLGLNR/sessions", new RecordedResponse(204));

        var result = await _harness.Connector("okta").ExecuteAsync(Calls.For("token.revoke", ("user", "isaac.brock@example.com")), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        Assert.Null(result.RollbackToken);
        Assert.Equal("/api/v1/users/00ub0oNGTSWTBKOLGLNR/sessions?oauthTokens=true", _okta.Single("DELETE", "/api/v1/users/").PathAndQuery);
    }

    [Fact]
    public async Task Disable_UnknownUser_FailsWithOktaErrorSummary()
    {
        _okta.On("GET /api/v1/users/nobody%40example.com", RecordedResponse.File(404, "okta/not-found.json"));

        var result = await _harness.Connector("okta").ExecuteAsync(Calls.For("account.disable", ("user", "nobody@example.com")), Ct);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Equal(404, result.StatusCode);
        Assert.Contains("E0000007", result.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Disable_RateLimited_TransientUntilOktaReset()
    {
        var reset = new DateTimeOffset(2026, 11, 23, 12, 0, 45, TimeSpan.Zero).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        _okta.On($"GET {UserPath}", RecordedResponse.File(429, "okta/rate-limited.json", new Dictionary<string, string> { ["X-Rate-Limit-Limit"] = "600", ["X-Rate-Limit-Remaining"] = "0", ["X-Rate-Limit-Reset"] = reset }));

        var result = await _harness.Connector("okta").ExecuteAsync(Calls.For("account.disable", ("user", "isaac.brock@example.com")), Ct);

        Assert.Equal(ConnectorOutcome.Transient, result.Outcome);
        Assert.Equal(TimeSpan.FromSeconds(45), result.RetryAfter);
    }

    [Fact]
    public async Task Execute_WithoutToken_FailsNamingTheSecretToSet()
    {
        await _harness.Secrets.DeleteAsync("okta", "api_token", ConnectorHarness.Operator, Ct);

        var result = await _harness.Connector("okta").ExecuteAsync(Calls.For("account.disable", ("user", "isaac.brock@example.com")), Ct);

        Assert.Equal(ConnectorOutcome.Failed, result.Outcome);
        Assert.Contains("vigil connectors set-secret okta api_token", result.Summary, StringComparison.Ordinal);
        Assert.Empty(_okta.Received);
    }
}
