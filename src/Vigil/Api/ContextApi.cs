using System.Security.Claims;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Entities;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Enrich;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

/// <summary>
/// <c>/api/v1/context/{assets|identities|services}</c>: list, read, put one record, import many (a JSON array or CSV,
/// the same fields as <c>vigil context import</c>), delete. Every write is a ledger entry on the system chain.
/// </summary>
internal static class ContextApi
{
    public static RouteGroupBuilder MapContextApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/context/{kind}").WithTags("Context").RequireAuthorization();

        group.MapGet("", ListAsync)
            .RequireAuthorization(Permissions.ContextRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListContext")
            .WithSummary("List assets, identities or services in key order")
            .WithDescription("kind is assets, identities or services. Keyset paging: pass the last key as after.");

        group.MapGet("/{key}", GetAsync)
            .RequirePermissionOrNotFound(Permissions.ContextRead, "context record")
            .WithName("GetContext")
            .WithSummary("Read one asset (by host name), identity (by account) or service (by name)");

        group.MapPut("/{key}", PutAsync)
            .RequireAuthorization(Permissions.ContextWrite)
            .Accepts<JsonObject>("application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("PutContext")
            .WithSummary("Create or replace one record")
            .WithDescription(
                "Assets: host, ip, owner, criticality (low|medium|high|critical), exposure (internal|internet_facing), environment "
                + "(production|staging|development), regulatory_scope, tags, role. Identities: user, email, display_name, role, manager, "
                + "department, lifecycle (joiner|active|mover|leaver), privileged, travel ([{country, city, from, to}]). Services: name, owner, "
                + "dependencies, criticality. The key in the path is used when the body has none.");

        group.MapPost("", ImportAsync)
            .RequireAuthorization(Permissions.ContextWrite)
            .Accepts<JsonArray>("application/json", "text/csv")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ImportContext")
            .WithSummary("Import many records: a JSON array, or CSV with a header row")
            .WithDescription("Good records are stored and bad ones reported with their location and field; 400 when nothing could be read.");

        group.MapDelete("/{key}", DeleteAsync)
            .RequireAuthorization(Permissions.ContextWrite)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("DeleteContext")
            .WithSummary("Delete one record");
        return group;
    }

    private static async Task<Results<Ok<IReadOnlyList<object>>, ProblemHttpResult, ValidationProblem>> ListAsync(
        string kind, string? after, int? limit, IVigilStore store, CancellationToken cancellationToken)
    {
        if (!TryKind(kind, out var which))
        {
            return ApiProblems.NotFound("context kind", kind);
        }

        if (!Paging.TryLimit(limit, out var max))
        {
            return ApiProblems.Invalid("limit", $"must be between 1 and {Paging.MaxLimit}");
        }

        IReadOnlyList<object> rows = which switch
        {
            ContextKind.Assets => [.. await store.ListAssetsAsync(after, max, cancellationToken)],
            ContextKind.Identities => [.. await store.ListIdentitiesAsync(after, max, cancellationToken)],
            _ => [.. await store.ListServicesAsync(after, max, cancellationToken)],
        };
        return TypedResults.Ok(rows);
    }

    private static async Task<Results<Ok<object>, ProblemHttpResult>> GetAsync(string kind, string key, IVigilStore store, CancellationToken cancellationToken)
    {
        object? found = TryKind(kind, out var which) ? which switch
        {
            ContextKind.Assets => await store.FindAssetAsync(Normalise(EntityType.Host, key), cancellationToken),
            ContextKind.Identities => await store.FindIdentityAsync(Normalise(EntityType.User, key), cancellationToken),
            _ => await store.FindServiceAsync(key, cancellationToken),
        } : null;
        return found is null ? ApiProblems.NotFound("context record", key) : TypedResults.Ok(found);
    }

    private static async Task<Results<Ok<ImportReportView>, ProblemHttpResult, ValidationProblem>> PutAsync(
        string kind, string key, HttpRequest request, ContextWriter writer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TryKind(kind, out var which))
        {
            return ApiProblems.NotFound("context kind", kind);
        }

        JsonObject? body;
        try
        {
            body = JsonNode.Parse(await ReadBodyAsync(request, cancellationToken)) as JsonObject;
        }
        catch (System.Text.Json.JsonException e)
        {
            return ApiProblems.Invalid("$", "not JSON: " + e.Message);
        }

        if (body is null)
        {
            return ApiProblems.Invalid("$", "expected one JSON object");
        }

        var keyField = which switch { ContextKind.Assets => "host", ContextKind.Identities => "user", _ => "name" };
        body[keyField] ??= key;
        var report = await ImportTextAsync(which, body.ToJsonString(), writer, user, cancellationToken);
        return report.Stored == 0 ? ApiProblems.Invalid("$", string.Join("; ", report.Problems)) : TypedResults.Ok(report);
    }

    private static async Task<Results<Ok<ImportReportView>, ProblemHttpResult, ValidationProblem>> ImportAsync(
        string kind, HttpRequest request, ContextWriter writer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        if (!TryKind(kind, out var which))
        {
            return ApiProblems.NotFound("context kind", kind);
        }

        var report = await ImportTextAsync(which, await ReadBodyAsync(request, cancellationToken), writer, user, cancellationToken);
        return report.Stored == 0 && report.Problems.Count > 0 ? ApiProblems.Invalid("$", string.Join("; ", report.Problems.Take(20))) : TypedResults.Ok(report);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string kind, string key, ContextWriter writer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var deleted = TryKind(kind, out var which) && which switch
        {
            ContextKind.Assets => await writer.DeleteAssetAsync(Normalise(EntityType.Host, key), user.ToActor(), cancellationToken),
            ContextKind.Identities => await writer.DeleteIdentityAsync(Normalise(EntityType.User, key), user.ToActor(), cancellationToken),
            _ => await writer.DeleteServiceAsync(key, user.ToActor(), cancellationToken),
        };
        return deleted ? TypedResults.NoContent() : ApiProblems.NotFound("context record", key);
    }

    private static async Task<ImportReportView> ImportTextAsync(ContextKind kind, string text, ContextWriter writer, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var (summary, errors) = await ContextFiles.StoreAsync(writer, kind, text, "request", user.ToActor(), null, cancellationToken);
        return new ImportReportView(summary.Kind, null, summary.Stored, summary.Created, summary.Updated, [.. errors.Select(e => e.ToString())]);
    }

    internal static async Task<string> ReadBodyAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(request.Body);
        return await reader.ReadToEndAsync(cancellationToken);
    }

    private static bool TryKind(string text, out ContextKind kind) =>
        Enum.TryParse(text, ignoreCase: true, out kind) && Enum.IsDefined(kind) && !char.IsAsciiDigit(text[0]);

    private static string Normalise(EntityType type, string key) => Entity.Normalize(type, key) ?? key;
}
