using System.Net;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Access;
using Vigil.Pipeline.Jobs;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task Can_import_context_and_intel_and_see_a_case_enriched_with_freshness_missing_context_and_raised_severity()
    {
        await using var host = await StartAsync();
        using (var put = await host.Admin.PutAsync(new Uri("/api/v1/context/assets/DC-01.corp.local", UriKind.Relative), new StringContent(
            """{"ip": ["10.0.0.5"], "owner": "it-ops", "criticality": "critical", "exposure": "internal", "environment": "production", "role": "domain controller"}""",
            System.Text.Encoding.UTF8, "application/json"), Ct))
        {
            var stored = await put.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(1, (int)stored["created"]!);
        }

        using (var identities = await host.Admin.PostAsync(new Uri("/api/v1/context/identities", UriKind.Relative), new StringContent(
            "user,email,role,privileged,department\ncorp\\alice,alice@corp.example,admin,yes,IT\nbob,,,maybe,\n", System.Text.Encoding.UTF8, "text/csv"), Ct))
        {
            var report = await identities.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal(2, (int)report["stored"]!);
            Assert.Contains("'maybe' is not true or false", (string)report["problems"]![0]!, StringComparison.Ordinal);
        }

        using (var intel = await host.Admin.PostAsync(new Uri("/api/v1/intel?source=ACME%20CERT", UriKind.Relative), new StringContent(
            "value,type,confidence,labels\n185.220.101.0/24,cidr,85,c2\nevil.example,domain,40,phishing\n", System.Text.Encoding.UTF8, "text/csv"), Ct))
        {
            var report = await intel.ExpectAsync(HttpStatusCode.OK);
            Assert.Equal((2, 2), ((int)report["read"]!, (int)report["created"]!));
        }

        var match = (await host.Admin.GetJsonAsync("/api/v1/intel/match?type=url&value=https://login.evil.example/x"))["items"]!.AsArray();
        Assert.Equal("url_host", (string)match.Single()!["rule"]!);

        using var submitted = await host.Admin.PostJsonAsync("/api/v1/alerts", new JsonObject
        {
            ["source"] = "edr",
            ["source_ref"] = "enrich-1",
            ["title"] = "Beacon from DC-01",
            ["severity"] = "medium",
            ["entities"] = new JsonArray(
                new JsonObject { ["type"] = "host", ["value"] = "dc-01" },
                new JsonObject { ["type"] = "ip", ["value"] = "185.220.101.9" },
                new JsonObject { ["type"] = "user", ["value"] = "alice" },
                new JsonObject { ["type"] = "host", ["value"] = "ws-99" }),
        }.ToJsonString());
        var caseId = (string)(await submitted.ExpectAsync(HttpStatusCode.Created))["case_id"]!;
        Assert.Equal("normalised", (string)(await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}"))["case"]!["state"]!);
        Assert.Empty((await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/enrichments"))["results"]!.AsArray());

        Assert.Equal(1, await host.Services.GetRequiredService<JobWorker>().RunOnceAsync(Ct));

        var enrichments = await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/enrichments");
        var results = enrichments["results"]!.AsArray().Select(r => r!.AsObject()).ToArray();
        JsonObject Result(string entity, string source) =>
            results.Single(r => $"{r["entity"]!["type"]}:{r["entity"]!["value"]}" == entity && (string)r["source"]! == source);

        var asset = Result("host:dc-01", "assets");
        Assert.Equal(("found", "critical", "dc-01.corp.local"), ((string)asset["status"]!, (string)asset["attributes"]!["criticality"]!, (string)asset["attributes"]!["host"]!));
        Assert.True((bool)asset["fresh"]!);
        Assert.True((long)asset["age_seconds"]! >= 0);
        var hit = Result("ip:185.220.101.9", "intel");
        Assert.Equal(("malicious", 85), ((string)hit["verdict"]!, (int)hit["score"]!));
        Assert.Equal("ACME CERT", (string)hit["attributes"]!["sources"]!);
        Assert.Equal("true", (string)Result("user:alice", "identities")["attributes"]!["privileged"]!);
        Assert.Equal("failed", (string)Result("ip:185.220.101.9", "geo")["status"]!);
        Assert.Equal("not_found", (string)Result("host:ws-99", "assets")["status"]!);

        var missing = enrichments["missing"]!.AsArray().Select(m => (string)m!).ToArray();
        Assert.Contains(missing, m => m.StartsWith("geo could not look up ip 185.220.101.9: no geo database", StringComparison.Ordinal));
        Assert.Contains("no asset record for host ws-99", missing);
        Assert.Contains("identity corp\\alice has no manager", missing);

        var detail = (await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}"))["case"]!;
        Assert.Equal(("enriched", "critical"), ((string)detail["state"]!, (string)detail["severity"]!));
        var ledger = (await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/ledger"))["entries"]!.AsArray();
        Assert.Contains(ledger, e => (string)e!["kind"]! == Domain.Ledger.LedgerKinds.Enriched);
        var raised = ledger.Single(e => (string)e!["kind"]! == "case.severity_changed")!;
        var reason = raised["payload"]!.ToJsonString();
        Assert.Contains("dc-01.corp.local is a critical asset", reason, StringComparison.Ordinal);
        Assert.Contains("ip 185.220.101.9 is malicious per intel", reason, StringComparison.Ordinal);
        Assert.True((bool)(await host.Admin.GetJsonAsync("/api/v1/ledger/verify"))["intact"]!);

        // A second run finds nothing left to do: the job is done once.
        Assert.Equal(0, await host.Services.GetRequiredService<JobWorker>().RunOnceAsync(Ct));
    }

    [Fact]
    public async Task ContextAndIntel_WithoutPermission_ListsAre403AndReadsAre404()
    {
        await using var host = await StartAsync();
        var reader = await host.ClientWithScopesAsync(Permissions.CaseRead);
        using (var list = await reader.GetAsync(new Uri("/api/v1/context/assets", UriKind.Relative), Ct))
        {
            Assert.Equal(HttpStatusCode.Forbidden, list.StatusCode);
        }

        await reader.GetJsonAsync("/api/v1/intel/ioc_0123", HttpStatusCode.NotFound);
        await reader.GetJsonAsync("/api/v1/context/assets/dc-01", HttpStatusCode.NotFound);
        var writer = await host.ClientWithScopesAsync(Permissions.ContextRead);
        using var put = await writer.PutAsync(new Uri("/api/v1/context/services/payroll", UriKind.Relative), new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
        Assert.Equal(HttpStatusCode.Forbidden, put.StatusCode);

        using (var created = await host.Admin.PutAsync(new Uri("/api/v1/context/services/payroll", UriKind.Relative), new StringContent(
            """{"owner": "finance", "dependencies": ["db-01"], "criticality": "high"}""", System.Text.Encoding.UTF8, "application/json"), Ct))
        {
            await created.ExpectAsync(HttpStatusCode.OK);
        }

        Assert.Equal("finance", (string)(await writer.GetJsonAsync("/api/v1/context/services/payroll"))["owner"]!);
        using (var bad = await host.Admin.PutAsync(new Uri("/api/v1/context/assets/x", UriKind.Relative), new StringContent(
            """{"criticality": "extreme"}""", System.Text.Encoding.UTF8, "application/json"), Ct))
        {
            Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        }

        using var deleted = await host.Admin.DeleteAsync(new Uri("/api/v1/context/services/payroll", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        await writer.GetJsonAsync("/api/v1/context/services/payroll", HttpStatusCode.NotFound);
    }
}
