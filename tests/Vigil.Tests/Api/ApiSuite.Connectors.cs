using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Connectors.Secrets;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Respond.Connectors;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    /// <summary>Clustered mode (PostgreSQL) needs the key encryption key configured; the same value serves SQLite.</summary>
    private static readonly string TestKek = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray());

    [Fact]
    public async Task Connectors_ListedWithHealthAndSecretNames_OnlyForConnectorRead()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Vigil:Connectors:jira:BaseUrl"] = "https://acme.atlassian.net", [KeyEncryptionKey.ConfigurationKey] = TestKek });
        await host.Services.GetRequiredService<ConnectorSecrets>().SetAsync("jira", "api_token", "ATATT-api-listed-secret", Actor.System, Ct);
        using var reader = await host.ClientWithScopesAsync(Permissions.ConnectorRead);
        using var other = await host.ClientWithScopesAsync(Permissions.CaseRead);

        using var response = await reader.GetAsync(new Uri("/api/v1/connectors", UriKind.Relative), Ct);
        var body = await response.Content.ReadAsStringAsync(Ct);
        using var denied = await other.GetAsync(new Uri("/api/v1/connectors", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("\"name\":\"jira\",\"action_types\":[\"ticket.create\",\"ticket.update\"],\"base_url\":\"https://acme.atlassian.net/\",\"secrets_set\":[\"api_token\"]", body, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"crowdstrike\"", body, StringComparison.Ordinal);
        Assert.DoesNotContain("ATATT-api-listed-secret", body, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Forbidden, denied.StatusCode);
    }

    [Fact]
    public async Task BlocklistFeed_ServesUnexpiredEntries_ToFeedKeysAndTheFeedTokenOnly()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { [KeyEncryptionKey.ConfigurationKey] = TestKek });
        var blocklist = host.Services.GetServices<IActionConnector>().Single(c => c.Name == "blocklist");
        var now = DateTimeOffset.UtcNow;
        await blocklist.ExecuteAsync(Call("indicator.block", "203.0.113.7", "4h"), Ct);
        await blocklist.ExecuteAsync(Call("indicator.block", "198.51.100.0/24", null), Ct);
        await blocklist.ExecuteAsync(Call("indicator.block", "Evil.Example", null), Ct);
        await using (var transaction = await host.Store.BeginAsync(Ct))
        {
            await transaction.UpsertBlocklistEntryAsync(new BlocklistEntry { Kind = BlocklistKind.Ip, Value = "192.0.2.99", AddedAt = now.AddHours(-5), ExpiresAt = now.AddHours(-1) }, Ct);
            await transaction.CommitAsync(Ct);
        }

        await host.Services.GetRequiredService<ConnectorSecrets>().SetAsync("blocklist", "feed_token", "feed-token-for-the-firewall", Actor.System, Ct);
        using var feedKey = await host.ClientWithScopesAsync(Permissions.FeedRead);
        using var caseKey = await host.ClientWithScopesAsync(Permissions.CaseRead);
        using var anonymous = host.Client(null);
        using var basic = host.Client(null);
        basic.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("paloalto:feed-token-for-the-firewall")));

        using var ips = await feedKey.GetAsync(new Uri("/feeds/blocklist/ip.txt", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, ips.StatusCode);
        Assert.Equal("text/plain; charset=utf-8", ips.Content.Headers.ContentType!.ToString());
        Assert.Equal("198.51.100.0/24\n203.0.113.7\n", await ips.Content.ReadAsStringAsync(Ct));
        Assert.Equal("evil.example\n", await (await anonymous.GetAsync(new Uri("/feeds/blocklist/domain.txt?token=feed-token-for-the-firewall", UriKind.Relative), Ct)).Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, (await basic.GetAsync(new Uri("/feeds/blocklist/url.txt", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/feeds/blocklist/ip.txt", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync(new Uri("/feeds/blocklist/ip.txt?token=guess", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await caseKey.GetAsync(new Uri("/feeds/blocklist/ip.txt", UriKind.Relative), Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await feedKey.GetAsync(new Uri("/feeds/blocklist/hash.txt", UriKind.Relative), Ct)).StatusCode);
    }

    private static ConnectorCall Call(string type, string indicator, string? duration) => new()
    {
        RequestId = "act_feed",
        CaseId = "case_feed",
        ActionType = type,
        Parameters = duration is null ? new Dictionary<string, string> { ["indicator"] = indicator } : new Dictionary<string, string> { ["indicator"] = indicator, ["duration"] = duration },
        IdempotencyKey = $"feed/{indicator}",
    };
}
