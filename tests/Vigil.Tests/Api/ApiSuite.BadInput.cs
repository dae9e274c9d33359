using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Vigil.Pipeline.Ports;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task PostAlerts_InvalidItems_Returns400ListingEveryPathAndWritesOnlyADeadLetter()
    {
        await using var host = await StartAsync();
        var before = await StatsAsync(host);
        var body = $$"""
            {"alerts": [
              {{AlertJson("ok-1")}},
              {"source": "edr", "title": "x", "severity": "apocalyptic"},
              {"source": "edr", "severity": "high", "colour": "red"},
              {"source": "edr", "title": 42, "severity": "low", "entities": [{"type": "ip", "value": "not-an-ip"}]}
            ]}
            """;
        using var response = await host.Admin.PostJsonAsync("/api/v1/alerts", body);
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = problem["errors"]!.AsObject();
        Assert.Contains("$.alerts[1].severity", errors.Select(e => e.Key));
        Assert.Contains("$.alerts[2].title", errors.Select(e => e.Key));
        Assert.Contains("$.alerts[2].colour", errors.Select(e => e.Key));
        Assert.Contains("$.alerts[3].title", errors.Select(e => e.Key));
        Assert.Contains("$.alerts[3].entities[0].value", errors.Select(e => e.Key));
        await AssertOnlyDeadLetterAsync(host, before, (string)problem["dead_letter_id"]!, body);
    }

    [Fact]
    public async Task PostAlerts_MalformedJson_Returns400WithPositionAndDeadLetter()
    {
        await using var host = await StartAsync();
        var before = await StatsAsync(host);
        const string body = "{\"source\": \"edr\", \"title\": \"cut off";
        using var response = await host.Admin.PostJsonAsync("/api/v1/alerts", body);
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);

        Assert.Contains("$", problem["errors"]!.AsObject().Select(e => e.Key));
        Assert.Contains("malformed JSON", (string)problem["detail"]!, StringComparison.Ordinal);
        await AssertOnlyDeadLetterAsync(host, before, (string)problem["dead_letter_id"]!, body);
    }

    [Fact]
    public async Task PostAlerts_WrongContentType_Returns415AndDeadLetter()
    {
        await using var host = await StartAsync();
        var before = await StatsAsync(host);
        var body = AlertJson("x-1");
        using var response = await host.Admin.PostAsync("/api/v1/alerts", new StringContent(body, Encoding.UTF8, "text/plain"), Ct);
        var problem = await response.ExpectAsync(HttpStatusCode.UnsupportedMediaType);

        Assert.Contains("text/plain", (string)problem["detail"]!, StringComparison.Ordinal);
        await AssertOnlyDeadLetterAsync(host, before, (string)problem["dead_letter_id"]!, body);
    }

    [Fact]
    public async Task PostAlerts_OverLimit_Returns413AndKeepsTheHeadAsDeadLetter()
    {
        await using var host = await StartAsync(new Dictionary<string, string?>
        {
            ["Vigil:Server:MaxRequestBodyBytes"] = "4096",
            ["Vigil:Server:OversizedKeepBytes"] = "1024",
        });
        var before = await StatsAsync(host);
        var body = "[" + string.Join(',', Enumerable.Range(0, 60).Select(i => AlertJson($"big-{i}"))) + "]";
        using var response = await host.Admin.PostJsonAsync("/api/v1/alerts", body);
        var problem = await response.ExpectAsync(HttpStatusCode.RequestEntityTooLarge);

        Assert.Equal(4096, (long)problem["limit_bytes"]!);
        var letter = await host.Store.GetDeadLetterAsync((string)problem["dead_letter_id"]!, Ct);
        Assert.NotNull(letter);
        Assert.Equal(body[..1024], letter.Payload);
        Assert.Contains("too large", letter.Reason, StringComparison.Ordinal);
        var after = await StatsAsync(host);
        Assert.Equal(before.Alerts, after.Alerts);
        Assert.Equal(before.LedgerEntries, after.LedgerEntries);
    }

    [Fact]
    public async Task PostNote_OverLimit_Returns413Problem()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Vigil:Server:MaxRequestBodyBytes"] = "2048" });
        var caseId = await OpenCaseAsync(host.Admin, "n-1");
        using var response = await host.Admin.PostJsonAsync($"/api/v1/cases/{caseId}/notes", new JsonObject { ["text"] = new string('a', 5000) }.ToJsonString());
        var problem = await response.ExpectAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("2048", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Empty(await host.Store.GetNotesAsync(caseId, Ct));
    }

    [Theory]
    [InlineData("{\"to\": \"enriched\", \"colour\": \"red\"}", "$.colour", "unknown field")]
    [InlineData("{\"to\": 7}", "$.to", "wrong type")]
    [InlineData("{\"reason\": \"because\"}", "$", "missing required field")]
    [InlineData("{\"to\": \"enriched\"", "$", "malformed JSON")]
    [InlineData("{\"to\": \"sideways\"}", "$.to", "not a target")]
    public async Task PostTransition_BadBody_Returns400NamingPathAndChangesNothing(string body, string path, string message)
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "t-1");
        var before = await StatsAsync(host);
        using var response = await host.Admin.PostJsonAsync($"/api/v1/cases/{caseId}/transitions", body);
        var problem = await response.ExpectAsync(HttpStatusCode.BadRequest);

        var errors = problem["errors"]!.AsObject();
        Assert.True(errors.ContainsKey(path), problem.ToJsonString());
        Assert.Contains(message, errors[path]![0]!.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Vigil.", problem.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(before.LedgerEntries, (await StatsAsync(host)).LedgerEntries);
        Assert.Equal("normalised", (string)(await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}"))["case"]!["state"]!);
    }

    [Fact]
    public async Task PostNote_TextPlain_Returns415Problem()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "n-2");
        using var response = await host.Admin.PostAsync($"/api/v1/cases/{caseId}/notes", new StringContent("{\"text\":\"hi\"}", Encoding.UTF8, "text/plain"), Ct);
        var problem = await response.ExpectAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Equal(415, (int)problem["status"]!);
        Assert.Empty(await host.Store.GetNotesAsync(caseId, Ct));
    }

    [Fact]
    public async Task ListCases_BadQuery_Returns400NamingEachParameter()
    {
        await using var host = await StartAsync();
        var problem = await host.Admin.GetJsonAsync("/api/v1/cases?sort=sideways&min_severity=apocalyptic&state=nope&limit=0", HttpStatusCode.BadRequest);
        var errors = problem["errors"]!.AsObject().Select(e => e.Key).ToArray();
        Assert.Equal(["query.limit", "query.min_severity", "query.sort", "query.state"], errors.Order(StringComparer.Ordinal));
    }

    private static async Task AssertOnlyDeadLetterAsync(ApiHost host, StoreStats before, string deadLetterId, string body)
    {
        var letter = await host.Store.GetDeadLetterAsync(deadLetterId, Ct);
        Assert.NotNull(letter);
        Assert.Equal(body, letter.Payload);
        var after = await StatsAsync(host);
        Assert.Equal(before.Alerts, after.Alerts);
        Assert.Equal(before.Cases, after.Cases);
        Assert.Equal(before.LedgerEntries, after.LedgerEntries);
        Assert.Equal(before.DeadLettersPending + 1, after.DeadLettersPending);
    }
}
