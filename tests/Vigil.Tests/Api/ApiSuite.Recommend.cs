using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Pipeline.Jobs;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task Can_correlate_a_case_and_read_its_cited_recommendation()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "rec-1", "critical");
        await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/transitions", """{"to": "correlated"}""");

        using (var none = await host.Admin.GetAsync($"/api/v1/cases/{caseId}/recommendation", Ct))
        {
            await none.ExpectAsync(HttpStatusCode.NotFound);
        }

        // The transition queued the recommend job in its own transaction (ingest also queued the enrich job).
        var worker = host.Services.GetRequiredService<JobWorker>();
        var ran = 0;
        for (var pass = await worker.RunOnceAsync(Ct); pass > 0; pass = await worker.RunOnceAsync(Ct))
        {
            ran += pass;
        }

        Assert.True(ran >= 1);

        var view = await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/recommendation");
        var recommendation = view["recommendation"]!;
        Assert.Equal(caseId, (string)recommendation["case_id"]!);
        Assert.Equal(1, (int)recommendation["version"]!);
        Assert.Equal("builtin/1", (string)recommendation["model"]!);
        Assert.Equal(64, ((string)recommendation["input_digest"]!).Length);
        Assert.NotEmpty(recommendation["features"]!.AsArray());
        var alertId = (string)(await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}"))["alerts"]![0]!["id"]!;
        Assert.All(recommendation["claims"]!.AsArray(), c =>
        {
            Assert.True((bool)c!["supported"]!);
            Assert.All(c["evidence_ids"]!.AsArray(), id => Assert.Equal(alertId, (string)id!));
        });
        Assert.Equal(1.0, (double)recommendation["verification"]!["validity"]!);
        Assert.Equal("recommended", (string)(await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}"))["case"]!["state"]!);

        var kinds = (await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/ledger"))["entries"]!.AsArray().Select(e => (string)e!["kind"]!);
        Assert.Equal("case.opened", kinds.First());
        Assert.Contains("case.recommended", kinds);
        Assert.Equal(0, await worker.RunOnceAsync(Ct));
    }

    [Fact]
    public async Task RecomputeRecommendation_AddsVersionAndNeedsWritePermission()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "rec-2");
        var first = await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/recommendation", "{}");
        var second = await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/recommendation", "{}");

        Assert.Equal(1, (int)first["recommendation"]!["version"]!);
        Assert.Equal(2, (int)second["recommendation"]!["version"]!);
        Assert.Equal([1, 2], second["versions"]!.AsArray().Select(v => (int)v!["version"]!));
        Assert.Equal(1, (int)(await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/recommendation?version=1"))["recommendation"]!["version"]!);
        // A normalised case keeps its state: enrichment and correlation have not run yet.
        Assert.Equal("normalised", (string)(await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}"))["case"]!["state"]!);

        var reader = await host.ClientWithScopesAsync("case:read");
        using (var refused = await reader.PostJsonAsync($"/api/v1/cases/{caseId}/recommendation", "{}"))
        {
            await refused.ExpectAsync(HttpStatusCode.Forbidden);
        }

        var stranger = await host.ClientWithScopesAsync("alert:read");
        using (var hidden = await stranger.GetAsync($"/api/v1/cases/{caseId}/recommendation", Ct))
        {
            await hidden.ExpectAsync(HttpStatusCode.NotFound);
        }

        using var missing = await host.Admin.PostJsonAsync("/api/v1/cases/cas_nope/recommendation", "{}");
        await missing.ExpectAsync(HttpStatusCode.NotFound);
    }
}
