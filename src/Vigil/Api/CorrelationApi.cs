using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Correlate;

namespace Vigil.Api;

/// <summary>Correlation read models: a case's entity graph, timeline and similar past cases; an entity across cases.</summary>
internal static class CorrelationApi
{
    private const int DefaultSimilar = 10;
    private const int MaxSimilar = 50;

    public static RouteGroupBuilder MapCorrelationApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Correlation").RequireAuthorization();

        group.MapGet("/cases/{id}/graph", GraphAsync)
            .RequirePermissionOrNotFound(Permissions.CaseRead, "case")
            .WithName("GetCaseGraph")
            .WithSummary("A case's entity graph")
            .WithDescription(
                "Nodes (case:ID, alert:ID, entity:type:value) and edges (contains: case → alert, with the grouping reason; observed: "
                + "alert → entity), ready to draw. Labels are alert content: render them escaped.");

        group.MapGet("/cases/{id}/timeline", TimelineAsync)
            .RequirePermissionOrNotFound(Permissions.CaseRead, "case")
            .WithName("GetCaseTimeline")
            .WithSummary("A case's timeline and ATT&CK tactics")
            .WithDescription(
                "Alerts at their event time with their techniques and tactics, and case activity from the ledger, in time order; "
                + "the tactics seen, in Enterprise kill-chain order, each with its techniques and the alerts that show them.");

        group.MapGet("/cases/{id}/similar", SimilarAsync)
            .RequirePermissionOrNotFound(Permissions.CaseRead, "case")
            .WithName("GetSimilarCases")
            .WithSummary("Similar closed cases")
            .WithDescription(
                "Closed cases sharing entities, rules or techniques with this one, scored 0-1 (rules weigh most), with their "
                + "classification and the reason they are alike. limit: 1-50 (default 10).");

        // One path segment: a value holding '/' (a URL) is sent percent-encoded (%2F), which routing leaves encoded.
        group.MapGet("/entities/{type}/{value}", EntityAsync)
            .RequirePermissionOrNotFound(Permissions.CaseRead, "entity")
            .WithName("GetEntity")
            .WithSummary("An entity across cases")
            .WithDescription(
                "When the entity was first and last seen, the cases (most recently active first, up to 50) and alerts (up to 500) "
                + "it appears in, and the same as a graph. The value is normalised as at ingest (hosts and users lower-cased); "
                + "percent-encode it (a URL's slashes as %2F).");
        return group;
    }

    private static async Task<Results<Ok<EntityGraph>, ProblemHttpResult>> GraphAsync(string id, CorrelationViews views, CancellationToken cancellationToken) =>
        await views.GraphAsync(id, cancellationToken) is { } graph ? TypedResults.Ok(graph) : ApiProblems.NotFound("case", id);

    private static async Task<Results<Ok<CaseTimeline>, ProblemHttpResult>> TimelineAsync(string id, CorrelationViews views, CancellationToken cancellationToken) =>
        await views.TimelineAsync(id, cancellationToken) is { } timeline ? TypedResults.Ok(timeline) : ApiProblems.NotFound("case", id);

    private static async Task<Results<Ok<SimilarCaseList>, ProblemHttpResult, ValidationProblem>> SimilarAsync(
        string id, int? limit, CorrelationViews views, CancellationToken cancellationToken)
    {
        if (limit is < 1 or > MaxSimilar)
        {
            return ApiProblems.Invalid("limit", $"must be between 1 and {MaxSimilar}");
        }

        return await views.SimilarAsync(id, limit ?? DefaultSimilar, cancellationToken) is { } similar
            ? TypedResults.Ok(new SimilarCaseList(id, similar))
            : ApiProblems.NotFound("case", id);
    }

    private static async Task<Results<Ok<EntityView>, ProblemHttpResult>> EntityAsync(
        string type, string value, CorrelationViews views, CancellationToken cancellationToken)
    {
        var shown = $"{type}/{value}";
        if (!EntityTypeNames.TryParse(type, out var entityType) || !Entity.TryCreate(entityType, Uri.UnescapeDataString(value), out var entity))
        {
            return ApiProblems.NotFound("entity", shown);
        }

        return await views.EntityAsync(entity, cancellationToken) is { } view ? TypedResults.Ok(view) : ApiProblems.NotFound("entity", shown);
    }
}
