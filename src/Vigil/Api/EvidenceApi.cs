using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Evidence;
using Vigil.Rendering;

namespace Vigil.Api;

/// <summary>Evidence packages (signed JSON, printable HTML, PDF), the key that verifies them, and bulk exports.</summary>
internal static partial class EvidenceApi
{
    public static RouteGroupBuilder MapEvidenceApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Evidence").RequireAuthorization();

        group.MapGet("/cases/{id}/export", ExportCaseAsync)
            .RequirePermissionOrNotFound(Permissions.EvidenceExport, "case")
            .Produces(StatusCodes.Status200OK, contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: "text/html")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithName("ExportCase")
            .WithSummary("A case's signed evidence package")
            .WithDescription(
                "format=json (default): the signed package (schema: docs/evidence-package.md), verifiable offline with "
                + "'vigil ledger verify --package FILE'. format=html: the printable report; format=pdf: the same printed by headless "
                + "Chromium (503 when it is not installed). Every export is recorded on the case's ledger with the package's SHA-256.");

        group.MapGet("/evidence/key", GetKeyAsync)
            .RequireAuthorization(Permissions.EvidenceExport)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("GetEvidenceKey")
            .WithSummary("The public key that verifies evidence packages")
            .WithDescription("Key id, algorithm and the SubjectPublicKeyInfo as base64 and PEM; created on first use.");

        group.MapPost("/evidence/verify", VerifyAsync)
            .RequireAuthorization(Permissions.EvidenceExport)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("VerifyEvidencePackage")
            .WithSummary("Verify an evidence package")
            .WithDescription("The request body is a package file as exported. 200 with valid=true, or valid=false and every problem; "
                + "the check needs nothing from the store (it is what 'vigil ledger verify --package' does offline).");

        MapBulk(group);
        return group;
    }

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ExportCaseAsync(
        string id, string? format, HttpContext http, EvidenceExporter exporter, CancellationToken cancellationToken)
    {
        var kind = string.IsNullOrEmpty(format) ? "json" : format;
        if (kind is not ("json" or "html" or "pdf"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format", detail: "format: expected json, html or pdf", type: "urn:vigil:problem:invalid");
        }

        if (kind == "pdf" && !ChromiumPdf.IsAvailable)
        {
            return PdfUnavailable("headless Chromium is not installed on this server");
        }

        var export = await exporter.ExportAsync(id, http.User.ToActor(), cancellationToken);
        if (export is null)
        {
            return ApiProblems.NotFound("case", id);
        }

        switch (kind)
        {
            case "html":
                http.Response.Headers.ContentSecurityPolicy = ReportHtml.ContentSecurityPolicy;
                return TypedResults.File(Encoding.UTF8.GetBytes(EvidenceReport.Html(export.Package, export.Digest, export.KeyId)), "text/html; charset=utf-8");
            case "pdf":
                try
                {
                    var pdf = await ChromiumPdf.RenderAsync(EvidenceReport.Html(export.Package, export.Digest, export.KeyId), cancellationToken);
                    return TypedResults.File(pdf, "application/pdf", $"{id}.evidence.pdf");
                }
                catch (InvalidOperationException exception)
                {
                    return PdfUnavailable(exception.Message);
                }

            default:
                http.Response.Headers["X-Vigil-Package-Sha256"] = export.Digest;
                return TypedResults.File(export.File, "application/json", $"{id}.evidence.json");
        }
    }

    private static async Task<Ok<EvidenceKeyView>> GetKeyAsync(EvidenceKeyring keyring, CancellationToken cancellationToken)
    {
        var key = await keyring.GetOrCreateAsync(cancellationToken);
        return TypedResults.Ok(new EvidenceKeyView(key.Id, key.Algorithm, key.PublicKey, SignedPackage.PublicKeyPem(key.PublicKey), key.CreatedAt));
    }

    private static async Task<Ok<PackageVerifyReport>> VerifyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var body = new MemoryStream();
        await request.Body.CopyToAsync(body, cancellationToken);
        var result = PackageVerifier.Verify(body.ToArray());
        return TypedResults.Ok(new PackageVerifyReport(result.IsValid, result.CaseId, result.KeyId, result.LedgerEntries, result.Digest, result.Problems));
    }

    private static ProblemHttpResult PdfUnavailable(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF rendering unavailable", detail: detail, type: "urn:vigil:problem:pdf-unavailable");
}
