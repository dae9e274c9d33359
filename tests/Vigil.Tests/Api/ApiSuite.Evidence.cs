using System.Net;
using System.Text;
using Vigil.Domain.Access;
using Vigil.Pipeline.Evidence;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task Can_export_a_closed_case_and_verify_the_package_offline()
    {
        await using var host = await StartAsync();
        var caseId = (string)(await SubmitAsync(host.Admin, "ev-1", title: "<script>alert('x')</script> on DC-01"))["case_id"]!;
        await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/transitions", """{"to": "closed", "classification": "true_positive", "note": "contained", "root_cause": "phished admin"}""");

        using var response = await host.Admin.GetAsync($"/api/v1/cases/{caseId}/export", Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        var file = await response.Content.ReadAsByteArrayAsync(Ct);

        var key = await host.Admin.GetJsonAsync("/api/v1/evidence/key");
        var result = PackageVerifier.Verify(file, (string)key["pem"]!);
        Assert.True(result.IsValid, string.Join("; ", result.Problems));
        Assert.Equal(caseId, result.CaseId);
        Assert.Equal("phished admin", result.Package!.ClosureRecord.RootCause);
        Assert.Equal(["case.opened", "case.closed"], result.Package.Ledger.Entries.Select(e => e.Kind));

        // The export itself is on the case's ledger, naming the file by its digest.
        var ledger = await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/ledger");
        var last = ledger["entries"]!.AsArray()[^1]!;
        Assert.Equal("evidence.package_exported", (string)last["kind"]!);
        Assert.Contains(SignedPackage.Digest(file), last["payload"]!.ToJsonString(), StringComparison.Ordinal);

        file[file.Length / 2] ^= 1;
        using var tampered = await host.Admin.PostAsync("/api/v1/evidence/verify", new ByteArrayContent(file), Ct);
        var report = await tampered.ExpectAsync(HttpStatusCode.OK);
        Assert.False((bool)report["valid"]!);
        Assert.NotEmpty(report["problems"]!.AsArray());
    }

    [Fact]
    public async Task ExportCase_Html_IsEscapedWithAStrictPolicy_AndNeedsThePermission()
    {
        await using var host = await StartAsync();
        var caseId = (string)(await SubmitAsync(host.Admin, "ev-2", title: "<img src=x onerror=alert(1)>"))["case_id"]!;

        using var response = await host.Admin.GetAsync($"/api/v1/cases/{caseId}/export?format=html", Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        Assert.StartsWith("default-src 'none'; style-src 'sha256-", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);

        using var reader = await host.ClientWithScopesAsync(Permissions.CaseRead);
        using var refused = await reader.GetAsync($"/api/v1/cases/{caseId}/export", Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var missing = await host.Admin.GetAsync("/api/v1/cases/cas_nope/export", Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        using var badFormat = await host.Admin.GetAsync($"/api/v1/cases/{caseId}/export?format=docx", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badFormat.StatusCode);
    }

    [Fact]
    public async Task ExportLedger_Csv_ListsEveryEntryWithItsHashes()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "ev-3");
        await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/transitions", """{"to": "enriched"}""");

        using var response = await host.Admin.GetAsync("/api/v1/export/ledger?format=csv", Ct);
        var lines = (await response.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(BulkExporter.LedgerCsvHeader, lines[0]);
        Assert.Equal(2, lines.Count(l => l.StartsWith(caseId, StringComparison.Ordinal)));

        using var json = await host.Admin.GetAsync("/api/v1/export/cases?format=json", Ct);
        var cases = (await json.Content.ReadAsStringAsync(Ct)).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(cases, l => l.Contains(caseId, StringComparison.Ordinal) && l.Contains("\"state\":\"enriched\"", StringComparison.Ordinal));
        using var badPeriod = await host.Admin.GetAsync("/api/v1/export/cases?from=yesterday", Ct);
        Assert.Equal(HttpStatusCode.BadRequest, badPeriod.StatusCode);
    }
}
