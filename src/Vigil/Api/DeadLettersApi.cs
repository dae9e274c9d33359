using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.DeadLetters;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

internal static class DeadLettersApi
{
    public static RouteGroupBuilder MapDeadLettersApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/deadletters").WithTags("Dead letters").RequireAuthorization();

        group.MapGet("", ListAsync)
            .RequireAuthorization(Permissions.DeadLetterRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListDeadLetters")
            .WithSummary("List rejected submissions")
            .WithDescription("Filters: source, status (pending, replayed, discarded). Paging: limit, cursor (next_cursor; also in the Link header). Payloads are left out; read one letter to see its payload.");

        group.MapGet("/{id}", GetAsync)
            .RequirePermissionOrNotFound(Permissions.DeadLetterRead, "dead letter")
            .WithName("GetDeadLetter")
            .WithSummary("Read one dead letter with its payload as received");

        group.MapPost("/{id}/replay", ReplayAsync)
            .RequireAuthorization(Permissions.DeadLetterReplay)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .WithName("ReplayDeadLetter")
            .WithSummary("Parse and ingest a dead letter again")
            .WithDescription("After the cause is fixed (e.g. a mapping), replays the stored payload through the channel it came in by: an alert through the alert parser, a vendor event through its source mapping, a syslog line through the syslog/CEF/LEEF parsers and the mapping, a mail through the mail parser and the phishing mapping. Still invalid: 422 with the new reason, and the letter stays pending. Already replayed or discarded: 409.");
        return group;
    }

    private static async Task<Results<Ok<DeadLetterList>, ValidationProblem>> ListAsync(
        HttpContext context,
        IVigilStore store,
        [FromQuery(Name = "source")] string? source,
        [FromQuery(Name = "status")] string? status,
        [FromQuery(Name = "limit")] int? limit,
        [FromQuery(Name = "cursor")] string? cursor,
        CancellationToken cancellationToken)
    {
        DeadLetterStatus? wanted = null;
        if (status is not null)
        {
            if (!Enum.TryParse<DeadLetterStatus>(status.Trim(), ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed))
            {
                return ApiProblems.Invalid("query.status", $"'{status}' is not a status; use pending, replayed or discarded");
            }

            wanted = parsed;
        }

        if (!Paging.TryLimit(limit, out var size))
        {
            return ApiProblems.Invalid("query.limit", $"must be between 1 and {Paging.MaxLimit}");
        }

        var letters = await store.ListDeadLettersAsync(new DeadLetterQuery
        {
            Source = string.IsNullOrWhiteSpace(source) ? null : source.Trim().ToLowerInvariant(),
            Status = wanted,
            Limit = size,
            After = string.IsNullOrEmpty(cursor) ? null : cursor,
        }, cancellationToken);
        var next = letters.Count == size ? letters[^1].Id : null;
        Paging.AddNextLink(context, next);
        return TypedResults.Ok(new DeadLetterList(letters.Select(DeadLetterSummary.From).ToArray(), next));
    }

    private static async Task<Results<Ok<DeadLetter>, ProblemHttpResult>> GetAsync(string id, IVigilStore store, CancellationToken cancellationToken) =>
        await store.GetDeadLetterAsync(id, cancellationToken) is { } letter
            ? TypedResults.Ok(letter)
            : ApiProblems.NotFound("dead letter", id);

    private static async Task<Results<Ok<ReplayOutcome>, ProblemHttpResult>> ReplayAsync(
        string id, ClaimsPrincipal user, DeadLetterReplayer deadLetters, CancellationToken cancellationToken)
    {
        var replay = await deadLetters.ReplayAsync(id, user.ToActor(), cancellationToken);
        if (!replay.Found)
        {
            return ApiProblems.NotFound("dead letter", id);
        }

        if (replay.Succeeded)
        {
            return TypedResults.Ok(new ReplayOutcome(replay.Letter!, replay.Outcomes.Select(AlertOutcome.From).ToArray()));
        }

        return replay.Letter!.Status == DeadLetterStatus.Pending
            ? TypedResults.Problem(
                statusCode: StatusCodes.Status422UnprocessableEntity,
                title: "Still invalid",
                detail: replay.Problem,
                type: "urn:vigil:problem:invalid",
                extensions: new Dictionary<string, object?> { ["dead_letter_id"] = id })
            : ApiProblems.Conflict("Not replayable", replay.Problem ?? "the dead letter is not pending");
    }
}
