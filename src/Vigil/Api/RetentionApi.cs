using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Evidence;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Evidence.Retention;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

/// <summary>Retention: legal holds, disposal runs (dry or real) and the tombstones of what was disposed of.</summary>
internal static class RetentionApi
{
    public static RouteGroupBuilder MapRetentionApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Retention").RequireAuthorization();

        group.MapPost("/cases/{id}/legal-hold", SetHoldAsync)
            .RequirePermissionOrNotFound(Permissions.RetentionManage, "case")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("SetLegalHold")
            .WithSummary("Put a case under legal hold (retention disposes of nothing of it)")
            .WithDescription("Body: {\"reason\": \"…\"}. Recorded as retention.hold_set on the case's ledger; 409 when already on hold.");

        group.MapPost("/cases/{id}/legal-hold/release", ReleaseHoldAsync)
            .RequirePermissionOrNotFound(Permissions.RetentionManage, "case")
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("ReleaseLegalHold")
            .WithSummary("Release a case's legal hold")
            .WithDescription("Body: {\"reason\": \"…\"}. Recorded as retention.hold_released; 409 when the case is not on hold.");

        group.MapGet("/retention/holds", async (IVigilStore store, CancellationToken cancellationToken) => TypedResults.Ok(await store.ListLegalHoldsAsync(cancellationToken)))
            .RequireAuthorization(Permissions.RetentionManage)
            .WithName("ListLegalHolds")
            .WithSummary("Cases under legal hold");

        group.MapPost("/retention/run", RunAsync)
            .RequireAuthorization(Permissions.RetentionManage)
            .WithName("RunRetention")
            .WithSummary("Dispose of what the retention policy says has expired")
            .WithDescription("dry_run=true lists what would be disposed of and changes nothing. Otherwise alert payloads and artefact contents "
                + "past their days after closure (content/policy/retention.yaml) are removed, each leaving a tombstone (SHA-256, size, rule) "
                + "and a retention.disposed ledger entry on its case; cases on legal hold are skipped and listed.");

        group.MapGet("/retention/report", ReportAsync)
            .RequireAuthorization(Permissions.RetentionManage)
            .WithName("DisposalReport")
            .WithSummary("Tombstones of what was disposed of in a period")
            .WithDescription("from (inclusive) and to (exclusive), a date or ISO 8601 time; both optional.");
        return group;
    }

    private static async Task<Results<Ok<LegalHold>, ProblemHttpResult>> SetHoldAsync(
        string id, LegalHoldRequest request, HttpContext http, RetentionService retention, IVigilStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return ReasonRequired();
        }

        if (await retention.SetHoldAsync(id, request.Reason, http.User.ToActor(), cancellationToken) is { } hold)
        {
            return TypedResults.Ok(hold);
        }

        return await store.GetCaseAsync(id, cancellationToken) is null
            ? ApiProblems.NotFound("case", id)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Already on legal hold", detail: $"case {id} is already on legal hold", type: "urn:vigil:problem:conflict");
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> ReleaseHoldAsync(
        string id, LegalHoldRequest request, HttpContext http, RetentionService retention, IVigilStore store, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Reason))
        {
            return ReasonRequired();
        }

        if (await retention.ReleaseHoldAsync(id, request.Reason, http.User.ToActor(), cancellationToken))
        {
            return TypedResults.NoContent();
        }

        return await store.GetCaseAsync(id, cancellationToken) is null
            ? ApiProblems.NotFound("case", id)
            : TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Not on legal hold", detail: $"case {id} is not on legal hold", type: "urn:vigil:problem:conflict");
    }

    private static async Task<Ok<DisposalReport>> RunAsync(bool? dry_run, HttpContext http, RetentionService retention, CancellationToken cancellationToken) =>
        TypedResults.Ok(await retention.RunAsync(dry_run ?? false, http.User.ToActor(), cancellationToken));

    private static async Task<Results<Ok<IReadOnlyList<Tombstone>>, ProblemHttpResult>> ReportAsync(string? from, string? to, IVigilStore store, CancellationToken cancellationToken)
    {
        if (!PeriodText.TryParse(from, out var start) || !PeriodText.TryParse(to, out var end))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Invalid period", detail: "from/to: a date or ISO 8601 time", type: "urn:vigil:problem:invalid");
        }

        return TypedResults.Ok(await store.ListTombstonesAsync(start, end, cancellationToken));
    }

    private static ProblemHttpResult ReasonRequired() =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Reason required", detail: "reason: say why (it goes on the ledger)", type: "urn:vigil:problem:invalid");
}
