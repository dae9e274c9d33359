using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

internal static class ApiKeysApi
{
    public static RouteGroupBuilder MapApiKeysApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/apikeys").WithTags("API keys").RequireAuthorization(Permissions.ApiKeyManage);

        group.MapPost("", CreateAsync)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("CreateApiKey")
            .WithSummary("Create an API key")
            .WithDescription("Returns the token once; only its hash is stored. A key cannot grant a scope its creator does not hold.");

        group.MapGet("", ListAsync)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListApiKeys")
            .WithSummary("List API keys (never their secrets)");

        group.MapDelete("/{id}", RevokeAsync)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("RevokeApiKey")
            .WithSummary("Revoke an API key")
            .WithDescription("Takes effect on this node at once, on other nodes within 10 seconds (their key cache lifetime).");
        return group;
    }

    private static async Task<Results<Created<CreatedApiKeyView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CreateApiKeyRequest body, ClaimsPrincipal user, ApiKeyService keys, CancellationToken cancellationToken)
    {
        // Unknown scopes fall through to ApiKeyService, which names them in a 400.
        var beyond = body.Scopes.Where(s => Permissions.IsKnown(s) && !user.HasPermission(s)).ToArray();
        if (beyond.Length > 0)
        {
            return TypedResults.Problem(
                statusCode: StatusCodes.Status403Forbidden,
                title: "Scope beyond your own",
                detail: $"A key cannot grant what its creator lacks: {string.Join(", ", beyond)}.",
                type: "urn:vigil:problem:forbidden");
        }

        try
        {
            var created = await keys.CreateAsync(body.Name, body.Scopes, string.IsNullOrWhiteSpace(body.Source) ? null : body.Source.Trim().ToLowerInvariant(), user.ToActor(), cancellationToken);
            var view = new CreatedApiKeyView(ApiKeyView.From(created.Record), created.Token);
            return TypedResults.Created($"/api/v1/apikeys/{created.Record.Id}", view);
        }
        catch (ArgumentException ex)
        {
            // ApiKeyService refuses a missing name or unknown scopes with a sentence meant for the caller.
            var path = ex.ParamName == "scopes" ? "$.scopes" : "$.name";
            return ApiProblems.Invalid(path, ex.Message[..(ex.Message.IndexOf(" (Parameter", StringComparison.Ordinal) is var cut and > 0 ? cut : ex.Message.Length)]);
        }
    }

    private static async Task<Ok<ApiKeyView[]>> ListAsync(IVigilStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok((await store.ListApiKeysAsync(cancellationToken)).Select(ApiKeyView.From).ToArray());

    private static async Task<Results<NoContent, ProblemHttpResult>> RevokeAsync(
        string id, ClaimsPrincipal user, ApiKeyService keys, ApiKeyCache cache, CancellationToken cancellationToken)
    {
        if (!await keys.RevokeAsync(id, user.ToActor(), cancellationToken))
        {
            return ApiProblems.NotFound("API key", id);
        }

        cache.Evict(id);
        return TypedResults.NoContent();
    }
}
