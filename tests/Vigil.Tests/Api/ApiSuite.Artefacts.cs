using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Vigil.Domain.Access;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task Can_attach_an_artefact_download_it_as_an_attachment_and_see_its_custody()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "art-1");
        var sample = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        using var body = new ByteArrayContent(sample);
        body.Headers.ContentType = new MediaTypeHeaderValue("text/html");
        using var upload = await host.Admin.PostAsync($"/api/v1/cases/{caseId}/artefacts?name=page.html&collected_from=proxy:squid-1", body, Ct);
        var artefact = await upload.ExpectAsync(HttpStatusCode.Created);
        var id = (string)artefact["id"]!;

        using var download = await host.Admin.GetAsync($"/api/v1/artefacts/{id}/content", Ct);
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/octet-stream", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(sample, await download.Content.ReadAsByteArrayAsync(Ct));

        using var zipRequest = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/artefacts/{id}/content?archive=zip");
        zipRequest.Headers.Add("X-Vigil-Archive-Password", "infected-2026");
        using var zip = await host.Admin.SendAsync(zipRequest, Ct);
        Assert.Equal("application/zip", zip.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", zip.Content.Headers.ContentDisposition?.DispositionType);

        var view = await host.Admin.GetJsonAsync($"/api/v1/artefacts/{id}");
        Assert.Equal(["artefact.collected", "artefact.accessed", "artefact.accessed"], view["custody"]!.AsArray().Select(e => (string)e!["kind"]!));
        Assert.Equal((string)artefact["sha256"]!, (string)view["artefact"]!["sha256"]!);
        var list = await host.Admin.GetAsync($"/api/v1/cases/{caseId}/artefacts", Ct);
        Assert.Contains(id, await list.Content.ReadAsStringAsync(Ct), StringComparison.Ordinal);

        using var reader = await host.ClientWithScopesAsync(Permissions.CaseRead);
        using var refused = await reader.GetAsync($"/api/v1/artefacts/{id}/content", Ct);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        using var shortPassword = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/artefacts/{id}/content?archive=zip");
        shortPassword.Headers.Add("X-Vigil-Archive-Password", "short");
        Assert.Equal(HttpStatusCode.BadRequest, (await host.Admin.SendAsync(shortPassword, Ct)).StatusCode);
        using var nameless = await host.Admin.PostAsync($"/api/v1/cases/{caseId}/artefacts?collected_from=x", new ByteArrayContent(sample), Ct);
        Assert.Equal(HttpStatusCode.BadRequest, nameless.StatusCode);
    }

    [Fact]
    public async Task UploadArtefact_OverTheLimit_Is413()
    {
        await using var host = await StartAsync(new Dictionary<string, string?> { ["Vigil:Artefacts:MaxBytes"] = "16" });
        var caseId = await OpenCaseAsync(host.Admin, "art-2");
        using var upload = await host.Admin.PostAsync($"/api/v1/cases/{caseId}/artefacts?name=a.bin&collected_from=host:x", new ByteArrayContent(new byte[17]), Ct);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, upload.StatusCode);
        using var missing = await host.Admin.PostAsync("/api/v1/cases/cas_nope/artefacts?name=a.bin&collected_from=host:x", new ByteArrayContent(new byte[3]), Ct);
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}
