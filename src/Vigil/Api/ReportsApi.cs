using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Domain.Access;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Evidence.Controls;
using Vigil.Pipeline.Evidence.Leadership;

namespace Vigil.Api;

/// <summary>Reports: the framework control report (JSON or printable HTML).</summary>
internal static class ReportsApi
{
    public static RouteGroupBuilder MapReportsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/reports").WithTags("Reports").RequireAuthorization();
        group.MapGet("/controls", ControlsAsync)
            .RequireAuthorization(Permissions.ReportRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ControlReport")
            .WithSummary("Framework controls evidenced in a period, and the gaps")
            .WithDescription("from (inclusive, default 30 days ago) and to (exclusive, default now); format=json (default) or html. "
                + "Per framework mapping in content/frameworks: each control's status (evidenced, gaps, no_evidence), the cases whose "
                + "ledger entries evidence it, and the gaps found (containment without approval, true positive closed without root cause, …).");
        group.MapGet("/leadership", LeadershipAsync)
            .RequireAuthorization(Permissions.ReportRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("LeadershipReport")
            .WithSummary("Leadership report for a period")
            .WithDescription("Cases opened/closed, MTTA/MTTR overall and by ISO week, SLA breaches, automation savings (runs times "
                + "Vigil:Reports:MinutesPerAutomatedAction), noisiest detections and their tunings, outstanding learning tasks, and a summary "
                + "whose every figure is one of these. from/to as for /controls; format=json (default) or html.");
        return group;
    }

    private static Task<Results<Ok<LeadershipReport>, FileContentHttpResult, ProblemHttpResult>> LeadershipAsync(
        string? from, string? to, string? format, HttpContext http, LeadershipReporter reporter, TimeProvider time, CancellationToken cancellationToken) =>
        ReportAsync(from, to, format, http, time, reporter.BuildAsync, LeadershipReportHtml.Render, cancellationToken);

    private static Task<Results<Ok<ControlReport>, FileContentHttpResult, ProblemHttpResult>> ControlsAsync(
        string? from, string? to, string? format, HttpContext http, ControlReporter reporter, TimeProvider time, CancellationToken cancellationToken) =>
        ReportAsync(from, to, format, http, time, reporter.BuildAsync, ControlReportHtml.Render, cancellationToken);

    /// <summary>A report for a period (default: the last 30 days) as JSON, or as HTML under the reports' strict CSP.</summary>
    private static async Task<Results<Ok<T>, FileContentHttpResult, ProblemHttpResult>> ReportAsync<T>(
        string? from, string? to, string? format, HttpContext http, TimeProvider time,
        Func<DateTimeOffset, DateTimeOffset, CancellationToken, Task<T>> build, Func<T, string> html, CancellationToken cancellationToken)
    {
        if (!PeriodText.TryParse(from, out var start) || !PeriodText.TryParse(to, out var end) || format is not (null or "" or "json" or "html"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid report request", detail: "from/to: a date or ISO 8601 time; format: json or html", type: "urn:vigil:problem:invalid");
        }

        var now = time.GetUtcNow();
        var report = await build(start ?? now.AddDays(-30), end ?? now, cancellationToken);
        if (format == "html")
        {
            http.Response.Headers.ContentSecurityPolicy = ReportHtml.ContentSecurityPolicy;
            return TypedResults.File(Encoding.UTF8.GetBytes(html(report)), "text/html; charset=utf-8");
        }

        return TypedResults.Ok(report);
    }
}
