using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Alerts;
using Vigil.Hosting;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

internal static partial class AlertsApi
{
    public static RouteGroupBuilder MapAlertsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/alerts").WithTags("Alerts").RequireAuthorization();

        group.MapPost("", SubmitAsync)
            .RequireAuthorization(Permissions.AlertWrite)
            .WithMetadata(BodyLimit.HandledByEndpoint)
            // Documented by a transformer, not .Accepts(): Accepts metadata makes routing answer 415 itself, before
            // the endpoint could keep the refused body as a dead letter.
            .AddOpenApiOperationTransformer(AlertBodyDocumentation.DescribeAsync)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .WithName("SubmitAlerts")
            .WithSummary("Submit one alert or a batch")
            .WithDescription(
                "Accepts one alert object, a JSON array of alerts, or {\"alerts\": [...]}. Answers only after the alerts are "
                + "committed: 201 for a new single alert, 200 when it repeats a stored one (same alert id, occurrence count "
                + "raised), 202 for a batch. Invalid input is refused whole with a 400 listing every error by JSON path; "
                + "nothing is written except the rejected body and reason, kept as a dead letter for replay.");

        group.MapGet("/{id}", GetAsync)
            .RequirePermissionOrNotFound(Permissions.AlertRead, "alert")
            .WithName("GetAlert")
            .WithSummary("Read one alert")
            .WithDescription("The alert with its raw payload exactly as received (attacker-controlled text: render escaped).");

        return group;
    }

    private static async Task<Results<Ok<Alert>, ProblemHttpResult>> GetAsync(string id, IVigilStore store, CancellationToken cancellationToken) =>
        await store.GetAlertAsync(id, cancellationToken) is { } alert
            ? TypedResults.Ok(alert)
            : ApiProblems.NotFound("alert", id);
}
