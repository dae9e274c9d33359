using System.Net;
using Vigil.Domain.Access;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task LeadershipReport_CountsTheCasesAndQuotesTheFiguresInItsSummary()
    {
        await using var host = await StartAsync();
        var closed = await OpenCaseAsync(host.Admin, "lead-1");
        await OpenCaseAsync(host.Admin, "lead-2");
        await PostOkAsync(host.Admin, $"/api/v1/cases/{closed}/transitions", """{"to": "closed", "classification": "benign_positive", "note": "inventory scan"}""");

        var report = await host.Admin.GetJsonAsync("/api/v1/reports/leadership");
        Assert.Equal((2, 1), ((int)report["opened"]!, (int)report["closed"]!));
        var noisy = report["noisy_rules"]!.AsArray().Single()!;
        Assert.Equal(1, (int)noisy["benign_cases"]!);
        Assert.StartsWith("2 case(s) opened and 1 closed between ", (string)report["summary"]!, StringComparison.Ordinal);

        using var html = await host.Admin.GetAsync("/api/v1/reports/leadership?format=html", Ct);
        Assert.Equal(HttpStatusCode.OK, html.StatusCode);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("default-src 'none'", html.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var reader = await host.ClientWithScopesAsync(Permissions.CaseRead);
        using var refused = await reader.GetAsync("/api/v1/reports/leadership", Ct);
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
        using var bad = await host.Admin.GetAsync("/api/v1/reports/leadership?from=last-week", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
