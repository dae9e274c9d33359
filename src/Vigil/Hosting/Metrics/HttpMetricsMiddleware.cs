using System.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Vigil.Hosting.Metrics;

/// <summary>Counts every request by route template (never the raw path: ids would explode the label set).</summary>
internal sealed class HttpMetricsMiddleware(RequestDelegate next, VigilMetrics metrics)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var started = Stopwatch.GetTimestamp();
        try
        {
            await next(context);
        }
        finally
        {
            var route = (context.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "unmatched";
            // A group's own route ("/api/v1/alerts" + "") comes out with a trailing slash; label it as clients call it.
            route = route.Length > 1 && route[^1] == '/' ? route[..^1] : route;
            metrics.RecordRequest(route, context.Request.Method, context.Response.StatusCode, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }
}
