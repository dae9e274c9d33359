using System.Net;
using System.Text.Json.Nodes;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task Can_see_grouped_alerts_with_reasons_graph_timeline_and_a_similar_false_positive()
    {
        await using var host = await StartAsync();
        // Last week: the same rule on ws-12, closed as a false positive.
        var earlier = await PostGroupedAsync(host.Admin, "old-1", "2026-11-16T09:00:00Z", "ws-12", "alice", "attack.t1059.001", "attack.execution");
        using (var closed = await host.Admin.PostJsonAsync($"/api/v1/cases/{earlier}/transitions",
            """{"to": "closed", "classification": "false_positive", "note": "admin script"}"""))
        {
            await closed.ExpectAsync(HttpStatusCode.OK);
        }

        var first = await PostGroupedAsync(host.Admin, "new-1", "2026-11-23T09:00:00Z", "ws-12", "alice", "attack.t1059.001", "attack.execution");
        var second = await PostGroupedAsync(host.Admin, "new-2", "2026-11-23T09:10:00Z", "WS-12", "bob", "attack.t1003.001", "attack.credential_access");
        var elsewhere = await PostGroupedAsync(host.Admin, "new-3", "2026-11-23T09:05:00Z", "ws-99", "carol", "attack.t1059.001");

        Assert.NotEqual(earlier, first);
        Assert.Equal(first, second);
        Assert.NotEqual(first, elsewhere);

        var graph = await host.Admin.GetJsonAsync($"/api/v1/cases/{first}/graph");
        var nodes = graph["nodes"]!.AsArray().Select(n => (string)n!["id"]!).ToList();
        Assert.Contains($"case:{first}", nodes);
        Assert.Contains("entity:host:ws-12", nodes);
        Assert.Contains("entity:user:bob", nodes);
        Assert.Equal(3, graph["nodes"]!.AsArray().Count(n => (string)n!["kind"]! == "entity"));
        var contains = graph["edges"]!.AsArray().Where(e => (string)e!["kind"]! == "contains").Select(e => (string?)e!["reason"]).ToList();
        Assert.Contains("joined: same host ws-12 within 30 min (rule \"shared entity\": any entity)", contains);

        var timeline = await host.Admin.GetJsonAsync($"/api/v1/cases/{first}/timeline");
        var alerts = timeline["entries"]!.AsArray().Where(e => (string)e!["kind"]! == "alert").ToList();
        Assert.Equal(["T1059.001", "T1003.001"], alerts.Select(e => (string)e!["techniques"]![0]!));
        Assert.Equal(["execution", "credential-access"], timeline["tactics"]!.AsArray().Select(t => (string)t!["short_name"]!));

        var similar = await host.Admin.GetJsonAsync($"/api/v1/cases/{first}/similar");
        var match = Assert.Single(similar["similar"]!.AsArray());
        Assert.Equal(earlier, (string)match!["case_id"]!);
        Assert.Equal("false_positive", (string)match["classification"]!);
        Assert.Contains("same technique T1059.001", (string)match["reason"]!, StringComparison.Ordinal);
        Assert.Contains("shared host ws-12, user alice", (string)match["reason"]!, StringComparison.Ordinal);

        var entity = await host.Admin.GetJsonAsync("/api/v1/entities/host/WS-12");
        Assert.Equal("ws-12", (string)entity["entity"]!["value"]!);
        Assert.Equal([first, earlier], entity["cases"]!.AsArray().Select(c => (string)c!["case"]!["id"]!));
        Assert.Equal(3, entity["alerts"]!.AsArray().Count);
    }

    [Fact]
    public async Task CorrelationViews_UnknownOrHidden_AreNotFound()
    {
        await using var host = await StartAsync();
        var id = await OpenCaseAsync(host.Admin, "hidden-1");
        using var ingestOnly = await host.ClientWithScopesAsync("alert:write");

        await host.Admin.GetJsonAsync("/api/v1/cases/cas_missing/graph", HttpStatusCode.NotFound);
        await host.Admin.GetJsonAsync("/api/v1/cases/cas_missing/timeline", HttpStatusCode.NotFound);
        await host.Admin.GetJsonAsync("/api/v1/cases/cas_missing/similar", HttpStatusCode.NotFound);
        await host.Admin.GetJsonAsync("/api/v1/entities/host/never-seen", HttpStatusCode.NotFound);
        await host.Admin.GetJsonAsync("/api/v1/entities/planet/mars", HttpStatusCode.NotFound);
        await host.Admin.GetJsonAsync($"/api/v1/cases/{id}/similar?limit=0", HttpStatusCode.BadRequest);
        await ingestOnly.GetJsonAsync($"/api/v1/cases/{id}/graph", HttpStatusCode.NotFound);
        await ingestOnly.GetJsonAsync("/api/v1/entities/host/host-hidden-1", HttpStatusCode.NotFound);
    }

    private static async Task<string> PostGroupedAsync(HttpClient client, string sourceRef, string occurredAt, string hostName, string user, params string[] tags)
    {
        var body = new JsonObject
        {
            ["source"] = "edr",
            ["source_ref"] = sourceRef,
            ["title"] = $"Suspicious activity {sourceRef}",
            ["severity"] = "medium",
            ["occurred_at"] = occurredAt,
            ["entities"] = new JsonArray(
                new JsonObject { ["type"] = "host", ["value"] = hostName },
                new JsonObject { ["type"] = "user", ["value"] = user }),
            ["tags"] = new JsonArray([.. tags.Select(t => (JsonNode)JsonValue.Create(t)!)]),
        };
        using var response = await client.PostJsonAsync("/api/v1/alerts", body.ToJsonString());
        return (string)(await response.ExpectAsync(HttpStatusCode.Created))["case_id"]!;
    }
}
