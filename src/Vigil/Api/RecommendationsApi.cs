using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Recommend;

namespace Vigil.Api;

internal static class RecommendationsApi
{
    public static RouteGroupBuilder MapRecommendationsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/cases/{id}/recommendation").WithTags("Recommendations").RequireAuthorization();

        group.MapGet("", GetAsync)
            .RequirePermissionOrNotFound(Permissions.CaseRead, "recommendation")
            .WithName("GetRecommendation")
            .WithSummary("Read a case's recommendation")
            .WithDescription(
                "The latest version, or ?version=N. Severity, confidence and disposition with the features that drove them "
                + "(value, weight, contribution, evidence), the hypothesis and its claims (each with the evidence ids it cites and "
                + "whether the citation verifier accepted it), missing context, catalogue actions with predicted blast radius, "
                + "flagged injection attempts, and every stored version.");

        group.MapPost("", RecomputeAsync)
            .RequireAuthorization(Permissions.CaseWrite)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("RecomputeRecommendation")
            .WithSummary("Recompute a case's recommendation")
            .WithDescription("Stores a new version, writes it to the case's ledger, and moves a correlated case to recommended.");
        return group;
    }

    private static async Task<Results<Ok<RecommendationView>, ProblemHttpResult>> GetAsync(
        string id, int? version, IVigilStore store, CancellationToken cancellationToken)
    {
        var found = await store.GetRecommendationAsync(id, version, cancellationToken);
        if (found is null)
        {
            return ApiProblems.NotFound("recommendation", version is null ? id : $"{id} v{version}");
        }

        return TypedResults.Ok(new RecommendationView(found, await store.ListRecommendationVersionsAsync(id, cancellationToken)));
    }

    private static async Task<Results<Ok<RecommendationView>, ProblemHttpResult>> RecomputeAsync(
        string id, ClaimsPrincipal user, RecommendationService service, IVigilStore store, CancellationToken cancellationToken)
    {
        var (result, recommendation) = await service.RecommendAsync(id, user.ToActor(), cancellationToken);
        return result.Kind switch
        {
            CaseResultKind.Done => TypedResults.Ok(new RecommendationView(recommendation!, await store.ListRecommendationVersionsAsync(id, cancellationToken))),
            CaseResultKind.NotFound => ApiProblems.NotFound("case", id),
            _ => ApiProblems.Conflict("Concurrent change", result.Problem ?? "the case changed while it was being recommended; retry"),
        };
    }
}
