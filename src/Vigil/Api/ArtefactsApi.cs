using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Primitives;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Evidence;
using Vigil.Hosting;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Evidence.Artefacts;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

/// <summary>
/// Evidence artefacts: upload to a case, list, metadata with chain of custody, and download. Content is never served
/// for display: always an attachment of type application/octet-stream (or a zip), with nosniff and a sandboxing CSP.
/// </summary>
internal static class ArtefactsApi
{
    public const string PasswordHeader = "X-Vigil-Archive-Password";

    public static RouteGroupBuilder MapArtefactsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Artefacts").RequireAuthorization();

        group.MapPost("/cases/{id}/artefacts", UploadAsync)
            .RequirePermissionOrNotFound(Permissions.ArtefactWrite, "case")
            .WithMetadata(BodyLimit.HandledByEndpoint)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .WithName("UploadArtefact")
            .WithSummary("Attach a file to a case as evidence")
            .WithDescription("The body is the file's bytes (any content type; never interpreted). Query: name (required), collected_from "
                + "(required: host, mailbox, URL or path it came from), description. Stored once per SHA-256 (limit Vigil:Artefacts:MaxBytes); "
                + "the collection (who, when, from where, hash) is an artefact.collected entry on the case's ledger.");

        group.MapGet("/cases/{id}/artefacts", ListAsync)
            .RequirePermissionOrNotFound(Permissions.CaseRead, "case")
            .WithName("ListArtefacts")
            .WithSummary("A case's artefacts (metadata and hashes)");

        group.MapGet("/artefacts/{id}", GetAsync)
            .RequirePermissionOrNotFound(Permissions.CaseRead, "artefact")
            .WithName("GetArtefact")
            .WithSummary("An artefact's metadata and chain of custody")
            .WithDescription("The custody is every ledger entry on the case's chain that names the artefact: its collection, each access, its disposal.");

        group.MapGet("/artefacts/{id}/content", DownloadAsync)
            .RequirePermissionOrNotFound(Permissions.ArtefactDownload, "artefact")
            .Produces(StatusCodes.Status200OK, contentType: "application/octet-stream")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("DownloadArtefact")
            .WithSummary("Download an artefact (possibly malware)")
            .WithDescription("Always an attachment: application/octet-stream, or with archive=zip a zip holding the file stored as is, "
                + $"AES-256 encrypted when the {PasswordHeader} header carries a password (at least {ArtefactArchive.MinPasswordLength} characters). "
                + "The access (who, from which address, how) is recorded on the case's ledger before the content is sent; "
                + "content that no longer hashes to the artefact's SHA-256 is refused (409).");
        return group;
    }

    private static async Task<Results<Created<Artefact>, ProblemHttpResult>> UploadAsync(
        string id, string? name, string? collected_from, string? description, HttpContext http, ArtefactService artefacts, CancellationToken cancellationToken)
    {
        var body = await RequestBody.ReadAsync(http.Request, artefacts.MaxBytes, 0, cancellationToken);
        if (body.TooLarge)
        {
            http.Response.Headers.Connection = "close";
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Artefact too large",
                detail: $"at most {artefacts.MaxBytes} bytes are accepted (Vigil:Artefacts:MaxBytes)", type: "urn:vigil:problem:too-large");
        }

        var upload = new ArtefactUpload { CaseId = id, Name = name ?? string.Empty, CollectedFrom = collected_from ?? string.Empty, Description = description, Content = body.Memory };
        var outcome = await artefacts.AddAsync(upload, http.User.ToActor(), cancellationToken);
        return outcome switch
        {
            { NotFound: true } => ApiProblems.NotFound("case", id),
            { Refusal: { } refusal } => TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Artefact refused", detail: refusal, type: "urn:vigil:problem:invalid"),
            _ => TypedResults.Created($"/api/v1/artefacts/{outcome.Artefact!.Id}", outcome.Artefact),
        };
    }

    private static async Task<Results<Ok<IReadOnlyList<Artefact>>, ProblemHttpResult>> ListAsync(string id, IVigilStore store, CancellationToken cancellationToken)
    {
        if (await store.GetCaseAsync(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound("case", id);
        }

        return TypedResults.Ok(await store.ListArtefactsAsync(id, cancellationToken));
    }

    private static async Task<Results<Ok<ArtefactView>, ProblemHttpResult>> GetAsync(string id, IVigilStore store, ArtefactService artefacts, CancellationToken cancellationToken) =>
        await store.GetArtefactAsync(id, cancellationToken) is { } artefact
            ? TypedResults.Ok(new ArtefactView(artefact, await artefacts.CustodyAsync(artefact, cancellationToken)))
            : ApiProblems.NotFound("artefact", id);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> DownloadAsync(
        string id, string? archive, HttpContext http, ArtefactService artefacts, TimeProvider time, CancellationToken cancellationToken)
    {
        if (archive is not (null or "" or "zip"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown archive", detail: "archive: omit it, or zip", type: "urn:vigil:problem:invalid");
        }

        var password = http.Request.Headers[PasswordHeader] is { Count: > 0 } header ? (string?)header.ToString() : null;
        if (password is not null && (archive != "zip" || password.Length < ArtefactArchive.MinPasswordLength))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Archive password refused",
                detail: $"a password needs archive=zip and at least {ArtefactArchive.MinPasswordLength} characters", type: "urn:vigil:problem:invalid");
        }

        var via = archive != "zip" ? "download" : password is null ? "zip" : "zip_aes256";
        var outcome = await artefacts.ReadAsync(id, http.User.ToActor(), $"api:{http.Connection.RemoteIpAddress}", via, cancellationToken);
        if (outcome.NotFound)
        {
            return ApiProblems.NotFound("artefact", id);
        }

        if (outcome.Refusal is { } refusal)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Artefact unavailable", detail: refusal, type: "urn:vigil:problem:artefact-unavailable");
        }

        var artefact = outcome.Artefact!;
        http.Response.Headers.XContentTypeOptions = "nosniff";
        http.Response.Headers.ContentSecurityPolicy = "default-src 'none'; sandbox";
        http.Response.Headers["X-Vigil-Artefact-Sha256"] = new StringValues(artefact.Sha256);
        var file = ArtefactArchive.EntryName(artefact.Name, artefact.Sha256);
        return archive == "zip"
            ? TypedResults.File(ArtefactArchive.Zip(artefact.Name, artefact.Sha256, outcome.Content!, password, time.GetUtcNow()), "application/zip", $"{file}.zip")
            : TypedResults.File(outcome.Content!, "application/octet-stream", file);
    }
}
