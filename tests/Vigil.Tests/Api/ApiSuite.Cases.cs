using System.Net;
using System.Text.Json.Nodes;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Theory]
    [InlineData("opened_desc")]
    [InlineData("opened_asc")]
    [InlineData("severity_desc")]
    [InlineData("sla_due_asc")]
    [InlineData("updated_desc")]
    public async Task ListCases_KeysetPaging_VisitsEveryCaseExactlyOnce(string sort)
    {
        await using var host = await StartAsync();
        string[] severities = ["low", "critical", "medium", "high", "informational"];
        var batch = string.Join(',', Enumerable.Range(0, 23).Select(i => AlertJson($"p-{i}", severities[i % severities.Length])));
        using (var response = await host.Admin.PostJsonAsync("/api/v1/alerts", $"[{batch}]"))
        {
            await response.ExpectAsync(HttpStatusCode.Accepted);
        }

        var seen = new List<string>();
        var url = $"/api/v1/cases?sort={sort}&limit=5";
        var pages = 0;
        while (url is not null)
        {
            using var response = await host.Admin.GetAsync(new Uri(url, UriKind.Relative), Ct);
            var page = await response.ExpectAsync(HttpStatusCode.OK);
            seen.AddRange(page["items"]!.AsArray().Select(c => (string)c!["id"]!));
            var next = (string?)page["next_cursor"];
            var link = response.Headers.TryGetValues("Link", out var values) ? values.Single() : null;
            Assert.Equal(next is null, link is null);
            url = link is null ? null : link[1..link.IndexOf('>', StringComparison.Ordinal)];
            Assert.True(++pages <= 10, "paging did not end");
        }

        Assert.Equal(23, seen.Count);
        Assert.Equal(23, seen.Distinct(StringComparer.Ordinal).Count());
    }

    [Fact]
    public async Task ListCases_Filters_ReturnOnlyMatchingCases()
    {
        await using var host = await StartAsync();
        var critical = await OpenCaseAsync(host.Admin, "f-crit", "critical");
        await OpenCaseAsync(host.Admin, "f-low", "low");
        var enriched = await OpenCaseAsync(host.Admin, "f-high", "high");
        using (var moved = await host.Admin.PostJsonAsync($"/api/v1/cases/{enriched}/transitions", """{"to": "enriched"}"""))
        {
            await moved.ExpectAsync(HttpStatusCode.OK);
        }

        static string[] Ids(JsonObject page) => page["items"]!.AsArray().Select(c => (string)c!["id"]!).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal([critical, enriched], Ids(await host.Admin.GetJsonAsync("/api/v1/cases?min_severity=high")).Order(StringComparer.Ordinal));
        Assert.Equal([enriched], Ids(await host.Admin.GetJsonAsync("/api/v1/cases?state=enriched")));
        Assert.Equal(2, Ids(await host.Admin.GetJsonAsync("/api/v1/cases?state=enriched,normalised&min_severity=medium")).Length);
        Assert.Equal([critical], Ids(await host.Admin.GetJsonAsync("/api/v1/cases?q=F-CRIT")));
    }

    [Fact]
    public async Task GetCase_ReturnsAlertsEntitiesAndAllowedTransitions()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "d-1");
        var detail = await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}");

        Assert.Equal("normalised", (string)detail["case"]!["state"]!);
        Assert.Single(detail["alerts"]!.AsArray());
        Assert.Equal("host-d-1", (string)detail["entities"]![0]!["value"]!);
        Assert.Equal(["enriched", "correlated", "closed"], detail["allowed_transitions"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Transition_Illegal_Returns409WithReasonAndAllowedStates()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "i-1");
        using var response = await host.Admin.PostJsonAsync($"/api/v1/cases/{caseId}/transitions", """{"to": "executed"}""");
        var problem = await response.ExpectAsync(HttpStatusCode.Conflict);

        Assert.Contains("cannot move from normalised to executed", (string)problem["detail"]!, StringComparison.Ordinal);
        Assert.Equal(["enriched", "correlated", "closed"], problem["allowed"]!.AsArray().Select(s => (string)s!));
    }

    [Fact]
    public async Task Transition_UnknownCase_Returns404()
    {
        await using var host = await StartAsync();
        using var response = await host.Admin.PostJsonAsync("/api/v1/cases/cas_nope/transitions", """{"to": "enriched"}""");
        await response.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CloseThenReopen_ReturnsCaseToItsStateAndRecordsBoth()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "cr-1");
        await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/transitions", """{"to": "enriched", "reason": "lookups done"}""");
        var closed = await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/transitions",
            """{"to": "closed", "classification": "false_positive", "note": "admin tool", "root_cause": "backup agent"}""");
        Assert.Equal("closed", (string)closed["state"]!);
        Assert.Equal("false_positive", (string)closed["classification"]!);

        using (var again = await host.Admin.PostJsonAsync($"/api/v1/cases/{caseId}/transitions", """{"to": "correlated"}"""))
        {
            var problem = await again.ExpectAsync(HttpStatusCode.Conflict);
            Assert.Equal(["reopened"], problem["allowed"]!.AsArray().Select(s => (string)s!));
        }

        var reopened = await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/transitions", """{"to": "reopened", "reason": "it came back"}""");
        Assert.Equal("enriched", (string)reopened["state"]!);
        var kinds = (await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/ledger"))["entries"]!.AsArray().Select(e => (string)e!["kind"]!);
        Assert.Equal(["case.opened", "case.state_changed", "case.closed", "case.reopened"], kinds);
    }

    [Fact]
    public async Task NotesAndAssign_AppearOnTheCase()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "na-1");
        using (var note = await host.Admin.PostJsonAsync($"/api/v1/cases/{caseId}/notes", """{"text": "<script>alert(1)</script> checked the host"}"""))
        {
            var created = await note.ExpectAsync(HttpStatusCode.Created);
            Assert.Equal("apikey:test-admin", (string)created["author"]!);
        }

        var assigned = await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/assign", """{"owner": "alice"}""");
        Assert.Equal("alice", (string)assigned["owner"]!);
        var detail = await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}");
        Assert.Equal("<script>alert(1)</script> checked the host", (string)detail["notes"]![0]!["text"]!);
        Assert.Single((await host.Admin.GetJsonAsync("/api/v1/cases?owner=alice"))["items"]!.AsArray());
    }

    [Fact]
    public async Task MergeThenUnmerge_KeepsEveryAlertAndRestoresBothCases()
    {
        await using var host = await StartAsync();
        var source = await OpenCaseAsync(host.Admin, "m-1", "critical");
        var target = await OpenCaseAsync(host.Admin, "m-2", "low");
        var sourceAlerts = await AlertIdsAsync(host.Admin, source);
        var targetAlerts = await AlertIdsAsync(host.Admin, target);

        var merged = await PostOkAsync(host.Admin, $"/api/v1/cases/{source}/merge", $$"""{"into": "{{target}}"}""");
        Assert.Equal(2, (int)merged["alert_count"]!);
        Assert.Equal("critical", (string)merged["severity"]!);
        Assert.Equal(sourceAlerts.Concat(targetAlerts).Order(StringComparer.Ordinal), await AlertIdsAsync(host.Admin, target));
        var closedSource = await host.Admin.GetJsonAsync($"/api/v1/cases/{source}");
        Assert.Equal(target, (string)closedSource["case"]!["merged_into"]!);
        Assert.Empty(closedSource["allowed_transitions"]!.AsArray());

        var restored = await PostOkAsync(host.Admin, $"/api/v1/cases/{source}/unmerge", "{}");
        Assert.Equal("normalised", (string)restored["state"]!);
        Assert.Equal(sourceAlerts, await AlertIdsAsync(host.Admin, source));
        Assert.Equal(targetAlerts, await AlertIdsAsync(host.Admin, target));
        Assert.True((bool)(await host.Admin.GetJsonAsync("/api/v1/ledger/verify"))["intact"]!);
    }

    [Fact]
    public async Task Merge_IntoItself_Returns409()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "self-1");
        using var response = await host.Admin.PostJsonAsync($"/api/v1/cases/{caseId}/merge", $$"""{"into": "{{caseId}}"}""");
        var problem = await response.ExpectAsync(HttpStatusCode.Conflict);
        Assert.Contains("itself", (string)problem["detail"]!, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> PostOkAsync(HttpClient client, string url, string body)
    {
        using var response = await client.PostJsonAsync(url, body);
        return await response.ExpectAsync(HttpStatusCode.OK);
    }

    private static async Task<string[]> AlertIdsAsync(HttpClient client, string caseId) =>
        (await client.GetJsonAsync($"/api/v1/cases/{caseId}"))["alerts"]!.AsArray().Select(a => (string)a!["id"]!).Order(StringComparer.Ordinal).ToArray();
}
