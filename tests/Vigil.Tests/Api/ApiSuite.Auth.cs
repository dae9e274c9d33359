using System.Net;
using System.Text.Json.Nodes;
using Vigil.Domain.Access;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Theory]
    [InlineData(null)]
    [InlineData("vgl_notakey")]
    [InlineData("vgl_0123456789abcdef0123456789abcdef_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Request_WithoutValidKey_Returns401WithBearerChallenge(string? token)
    {
        await using var host = await StartAsync();
        using var client = host.Client(token);
        using var response = await client.GetAsync(new Uri("/api/v1/cases", UriKind.Relative), Ct);
        var problem = await response.ExpectAsync(HttpStatusCode.Unauthorized);

        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.Single().Scheme);
        Assert.Equal(401, (int)problem["status"]!);
    }

    [Fact]
    public async Task GetCase_KeyWithoutCaseRead_Returns404IndistinguishableFromMissing()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "a-1");
        using var writer = await host.ClientWithScopesAsync(Permissions.AlertWrite);

        var hidden = await writer.GetJsonAsync($"/api/v1/cases/{caseId}", HttpStatusCode.NotFound);
        var missing = await host.Admin.GetJsonAsync("/api/v1/cases/cas_missing", HttpStatusCode.NotFound);

        Assert.Equal((string)missing["title"]!, (string)hidden["title"]!);
        Assert.Equal((string)missing["detail"]!, ((string)hidden["detail"]!).Replace(caseId, "cas_missing", StringComparison.Ordinal));
        await writer.GetJsonAsync($"/api/v1/cases/{caseId}/ledger", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task PostAlert_KeyWithoutAlertWrite_Returns403AndStoresNothing()
    {
        // Documented choice: changes refused for a missing permission are 403, decided before any lookup, so the
        // answer says nothing about which resources exist. Reads of one resource answer 404 instead (above).
        await using var host = await StartAsync();
        using var reader = await host.ClientWithScopesAsync(Permissions.CaseRead, Permissions.AlertRead);
        using var response = await reader.PostJsonAsync("/api/v1/alerts", AlertJson("f-1"));
        await response.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(0, (await StatsAsync(host)).Alerts);
    }

    [Fact]
    public async Task CloseCase_KeyWithCaseWriteOnly_Returns403()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "c-1");
        using var writer = await host.ClientWithScopesAsync(Permissions.CaseWrite, Permissions.CaseRead);
        using var response = await writer.PostJsonAsync($"/api/v1/cases/{caseId}/transitions", """{"to": "closed", "classification": "false_positive", "note": "n"}""");
        var problem = await response.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal(Permissions.CaseClose, (string)problem["permission"]!);
    }

    [Fact]
    public async Task ApiKeys_CreateUseListRevoke_TokenShownOnceAndRevocationImmediate()
    {
        await using var host = await StartAsync();
        using var created = await host.Admin.PostJsonAsync("/api/v1/apikeys", """{"name": "siem-forwarder", "scopes": ["alert:write"], "source": "edr"}""");
        var key = await created.ExpectAsync(HttpStatusCode.Created);
        var token = (string)key["token"]!;
        var id = (string)key["key"]!["id"]!;

        using var forwarder = host.Client(token);
        using (var ok = await forwarder.PostJsonAsync("/api/v1/alerts", AlertJson("k-1")))
        {
            await ok.ExpectAsync(HttpStatusCode.Created);
        }

        using (var otherSource = await forwarder.PostJsonAsync("/api/v1/alerts", AlertJson("k-2", source: "okta")))
        {
            await otherSource.ExpectAsync(HttpStatusCode.Forbidden);
        }

        var listed = await host.Admin.GetJsonAsync("/api/v1/apikeys");
        var text = listed.ToJsonString();
        Assert.Contains("siem-forwarder", text, StringComparison.Ordinal);
        Assert.DoesNotContain(token[^43..], text, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", text, StringComparison.OrdinalIgnoreCase);

        using (var revoked = await host.Admin.DeleteAsync(new Uri($"/api/v1/apikeys/{id}", UriKind.Relative), Ct))
        {
            await revoked.ExpectAsync(HttpStatusCode.NoContent);
        }

        using var refused = await forwarder.PostJsonAsync("/api/v1/alerts", AlertJson("k-3"));
        await refused.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task CreateApiKey_ScopeBeyondCreator_Returns403()
    {
        await using var host = await StartAsync();
        using var manager = await host.ClientWithScopesAsync(Permissions.ApiKeyManage, Permissions.CaseRead);
        using var response = await manager.PostJsonAsync("/api/v1/apikeys", new JsonObject { ["name"] = "escalate", ["scopes"] = new JsonArray("*") }.ToJsonString());
        await response.ExpectAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task ChangeCase_ByApiKey_RecordsKeyNameAsActor()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "actor-1");
        using var response = await host.Admin.PostJsonAsync($"/api/v1/cases/{caseId}/notes", """{"text": "looked at it"}""");
        await response.ExpectAsync(HttpStatusCode.Created);
        var ledger = await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/ledger");
        var last = ledger["entries"]!.AsArray()[^1]!;
        Assert.Equal("case.note_added", (string)last["kind"]!);
        Assert.Equal("apikey:test-admin", (string)last["actor"]!);
    }
}
