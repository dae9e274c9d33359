using System.Net;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task Can_dispose_of_expired_evidence_with_tombstones_and_the_ledger_still_verifies()
    {
        using var temp = new Vigil.Testing.TempDirectory();
        var policy = Path.Combine(temp.Path, "retention.yaml");
        await File.WriteAllTextAsync(policy, "classifications:\n  false_positive: {alert_payload: 0, artefact: 0}\n", Ct);
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Vigil:Retention:PolicyFile"] = policy });
        var disposed = await OpenCaseAsync(host.Admin, "ret-1");
        var held = await OpenCaseAsync(host.Admin, "ret-2");
        using var upload = await host.Admin.PostAsync($"/api/v1/cases/{disposed}/artefacts?name=a.bin&collected_from=host:x", new ByteArrayContent([1, 2, 3]), Ct);
        var artefactId = (string)(await upload.ExpectAsync(HttpStatusCode.Created))["id"]!;

        foreach (var id in new[] { disposed, held })
        {
            await PostOkAsync(host.Admin, $"/api/v1/cases/{id}/transitions", """{"to": "closed", "classification": "false_positive", "note": "noise"}""");
        }

        await PostOkAsync(host.Admin, $"/api/v1/cases/{held}/legal-hold", """{"reason": "subpoena 17"}""");
        using (var again = await host.Admin.PostJsonAsync($"/api/v1/cases/{held}/legal-hold", """{"reason": "twice"}"""))
        {
            Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        }

        var dry = await (await host.Admin.PostAsync("/api/v1/retention/run?dry_run=true", null, Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(2, dry["disposed"]!.AsArray().Count);
        var run = await (await host.Admin.PostAsync("/api/v1/retention/run", null, Ct)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal([held], run["held_cases"]!.AsArray().Select(n => (string)n!));
        Assert.Equal(["alert_payload", "artefact"], run["disposed"]!.AsArray().Select(n => (string)n!["kind"]!).Order(StringComparer.Ordinal));
        var verify = await host.Admin.GetJsonAsync("/api/v1/ledger/verify");
        Assert.True((bool)verify["intact"]!);
        var report = await host.Admin.GetAsync("/api/v1/retention/report", Ct);
        Assert.Contains(disposed, await report.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);
        var ledger = await host.Admin.GetJsonAsync($"/api/v1/cases/{disposed}/ledger");
        Assert.Equal("retention.disposed", (string)ledger["entries"]!.AsArray()[^1]!["kind"]!);
        using (var gone = await host.Admin.GetAsync($"/api/v1/artefacts/{artefactId}/content", Ct))
        {
            Assert.Equal(HttpStatusCode.Conflict, gone.StatusCode);
        }

        using var release = await host.Admin.PostJsonAsync($"/api/v1/cases/{held}/legal-hold/release", """{"reason": "case settled"}""");
        Assert.Equal(HttpStatusCode.NoContent, release.StatusCode);
        var second = await (await host.Admin.PostAsync("/api/v1/retention/run", null, Ct)).ExpectAsync(HttpStatusCode.OK);
        Assert.Single(second["disposed"]!.AsArray());
        Assert.True((bool)(await host.Admin.GetJsonAsync("/api/v1/ledger/verify"))["intact"]!);
    }
}
