using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Hosting.Metrics;
using Vigil.Listeners;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

/// <summary>Endpoints for operators and their tools: health for load balancers, metrics for Prometheus.</summary>
internal static class OpsApi
{
    public static IEndpointRouteBuilder MapOpsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", HealthAsync)
            .AllowAnonymous()
            .WithTags("Operations")
            .WithName("Health")
            .WithSummary("Store health")
            .WithDescription("200 when the store answers, 503 when it does not. Names the store mode and location, never credentials.");

        routes.MapGet("/metrics", MetricsAsync)
            .RequireAuthorization(Permissions.MetricsRead)
            .WithTags("Operations")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("Metrics")
            .WithSummary("Prometheus metrics")
            .WithDescription("Text exposition format 0.0.4: alert and dead-letter counters, HTTP requests by route and status, request durations, store gauges. Needs metrics:read (Prometheus: authorization.credentials).");
        return routes;
    }

    private static async Task<Results<Ok<HealthReport>, JsonHttpResult<HealthReport>>> HealthAsync(IVigilStore store, CancellationToken cancellationToken)
    {
        bool alive;
        try
        {
            alive = await store.PingAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Any failure to reach the store is "unavailable"; the exception text could carry a connection string.
            alive = false;
        }

        var mode = store.Mode.ToString().ToLowerInvariant();
        return alive
            ? TypedResults.Ok(new HealthReport("ok", mode, store.Description))
            : TypedResults.Json(new HealthReport("unavailable", mode, store.Description), statusCode: StatusCodes.Status503ServiceUnavailable);
    }

    private static async Task<IResult> MetricsAsync(IVigilStore store, VigilMetrics metrics, SourceHealth sources, SyslogCounters syslog, CancellationToken cancellationToken)
    {
        StoreStats? stats;
        try
        {
            stats = await store.GetStatsAsync(cancellationToken);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // Counters still help when the store is down; the gauges are left out rather than reported as zero.
            stats = null;
        }

        return TypedResults.Text(metrics.Render(stats) + IngestMetrics.Render(sources, syslog), VigilMetrics.ContentType);
    }
}
