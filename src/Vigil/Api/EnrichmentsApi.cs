using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

/// <summary><c>GET /api/v1/cases/{id}/enrichments</c>: what is known about the case's entities, how fresh it is, and what is missing.</summary>
internal static class EnrichmentsApi
{
    public static RouteHandlerBuilder MapEnrichmentsApi(this IEndpointRouteBuilder routes) =>
        routes.MapGet("/api/v1/cases/{id}/enrichments", GetAsync)
            .WithTags("Cases")
            .RequireAuthorization()
            .RequirePermissionOrNotFound(Permissions.CaseRead, "case")
            .WithName("GetCaseEnrichments")
            .WithSummary("Enrichment results of a case, with freshness and missing context")
            .WithDescription(
                "One result per entity and source (assets, identities, services, intel, geo, geo_velocity and configured reputation "
                + "services): status found, not_found or failed, verdict, score, attributes, fetched_at, age_seconds and whether it "
                + "is still fresh. missing lists, in words, every lookup that failed and why, and every gap in what was found.");

    private static async Task<Results<Ok<CaseEnrichmentsView>, ProblemHttpResult>> GetAsync(
        string id, IVigilStore store, TimeProvider time, CancellationToken cancellationToken)
    {
        if (await store.GetCaseAsync(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound("case", id);
        }

        var now = time.GetUtcNow();
        var stored = await store.GetCaseEnrichmentsAsync(id, cancellationToken);
        var views = stored.Select(e => View(e, now)).ToArray();
        return TypedResults.Ok(new CaseEnrichmentsView(
            id,
            now,
            views,
            MissingContext.Of(stored.Select(e => e.Result)),
            views.Count(v => !v.Fresh),
            stored.Count == 0 ? null : stored.Min(e => e.Result.FetchedAt)));
    }

    private static EnrichmentView View(CaseEnrichment enrichment, DateTimeOffset now)
    {
        var r = enrichment.Result;
        return new EnrichmentView(
            enrichment.Id,
            new EntityInput(r.EntityType.ToWire(), r.EntityValue),
            r.Source,
            r.Status switch { EnrichmentStatus.Found => "found", EnrichmentStatus.NotFound => "not_found", _ => "failed" },
            r.Verdict,
            r.Score,
            r.Attributes,
            r.Error,
            r.Missing,
            r.FetchedAt,
            (long)Math.Max(0, (now - r.FetchedAt).TotalSeconds),
            r.ValidFor is { } valid ? (long)valid.TotalSeconds : null,
            r.ExpiresAt,
            r.IsFreshAt(now));
    }
}
