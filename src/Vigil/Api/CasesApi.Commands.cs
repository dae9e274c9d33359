using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Cases;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Cases;

namespace Vigil.Api;

internal static partial class CasesApi
{
    private static void MapCommands(RouteGroupBuilder group)
    {
        group.MapPost("/{id}/transitions", TransitionAsync)
            .RequireAnyPermission(Permissions.CaseWrite, Permissions.CaseClose)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("TransitionCase")
            .WithSummary("Move a case through its lifecycle, close it, or reopen it")
            .WithDescription(
                "{\"to\": \"enriched\"}; {\"to\": \"closed\", \"classification\": \"false_positive\", \"note\": \"...\", \"root_cause\": \"...\"} "
                + "(needs case:close); {\"to\": \"reopened\", \"reason\": \"...\"}. Other moves need case:write. An illegal move is a 409 "
                + "naming the reason and the allowed states.");

        group.MapPost("/{id}/notes", AddNoteAsync)
            .RequireAuthorization(Permissions.CaseWrite)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithName("AddCaseNote")
            .WithSummary("Add a note to a case");

        group.MapPost("/{id}/assign", AssignAsync)
            .RequireAuthorization(Permissions.CaseWrite)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("AssignCase")
            .WithSummary("Assign a case to an owner, or unassign it with null");

        group.MapPost("/{id}/merge", MergeAsync)
            .RequireAuthorization(Permissions.CaseWrite)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("MergeCase")
            .WithSummary("Merge this case into another")
            .WithDescription("Moves every alert into the target case and closes this one as a duplicate. Alerts keep their identity and origin, so an unmerge restores them.");

        group.MapPost("/{id}/unmerge", UnmergeAsync)
            .RequireAuthorization(Permissions.CaseWrite)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict)
            .WithName("UnmergeCase")
            .WithSummary("Reverse a merge: the alerts that came from this case return and it reopens");
    }

    private static async Task<Results<Ok<Case>, ValidationProblem, ProblemHttpResult>> TransitionAsync(
        string id, TransitionRequest body, ClaimsPrincipal user, CaseService cases, CancellationToken cancellationToken)
    {
        var to = body.To.Trim().ToLowerInvariant();
        if (to == "closed")
        {
            if (!user.HasPermission(Permissions.CaseClose))
            {
                return ApiProblems.Forbidden(Permissions.CaseClose);
            }

            var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
            if (!CaseNames.TryParseClassification(body.Classification, out var classification))
            {
                var known = string.Join(", ", Enum.GetValues<Classification>().Select(c => c.ToWire()));
                errors["$.classification"] = [body.Classification is null ? $"is required to close: one of {known}" : $"'{body.Classification}' is not one of {known}"];
            }

            if (string.IsNullOrWhiteSpace(body.Note))
            {
                errors["$.note"] = ["is required to close: say what was found"];
            }

            return errors.Count > 0
                ? ApiProblems.Invalid(errors, "Invalid closure")
                : ToResult(await cases.CloseAsync(id, new CaseClosure(classification, body.Note!, body.RootCause), user.ToActor(), cancellationToken));
        }

        if (!user.HasPermission(Permissions.CaseWrite))
        {
            return ApiProblems.Forbidden(Permissions.CaseWrite);
        }

        if (to == "reopened")
        {
            return string.IsNullOrWhiteSpace(body.Reason)
                ? ApiProblems.Invalid("$.reason", "is required to reopen a case")
                : ToResult(await cases.ReopenAsync(id, body.Reason, user.ToActor(), cancellationToken));
        }

        if (!CaseNames.TryParseState(to, out var state))
        {
            var known = string.Join(", ", Enum.GetValues<CaseState>().Where(s => s != CaseState.Normalised).Select(s => s.ToWire()).Append("reopened"));
            return ApiProblems.Invalid("$.to", $"'{body.To}' is not a target; use one of {known}");
        }

        return ToResult(await cases.TransitionAsync(id, state, user.ToActor(), body.Reason, cancellationToken));
    }

    private static async Task<Results<Created<CaseNote>, ValidationProblem, ProblemHttpResult>> AddNoteAsync(
        string id, NoteRequest body, ClaimsPrincipal user, CaseService cases, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.Text))
        {
            return ApiProblems.Invalid("$.text", "must not be empty");
        }

        var (result, note) = await cases.AddNoteAsync(id, body.Text, user.ToActor(), cancellationToken);
        return note is not null
            ? TypedResults.Created($"/api/v1/cases/{id}", note)
            : ToProblem(id, result);
    }

    private static async Task<Results<Ok<Case>, ValidationProblem, ProblemHttpResult>> AssignAsync(
        string id, AssignRequest body, ClaimsPrincipal user, CaseService cases, CancellationToken cancellationToken) =>
        ToResult(await cases.AssignAsync(id, body.Owner, user.ToActor(), cancellationToken));

    private static async Task<Results<Ok<Case>, ValidationProblem, ProblemHttpResult>> MergeAsync(
        string id, MergeRequest body, ClaimsPrincipal user, CaseService cases, CancellationToken cancellationToken) =>
        string.IsNullOrWhiteSpace(body.Into)
            ? ApiProblems.Invalid("$.into", "must name the case to merge into")
            : ToResult(await cases.MergeAsync(id, body.Into.Trim(), user.ToActor(), cancellationToken));

    private static async Task<Results<Ok<Case>, ValidationProblem, ProblemHttpResult>> UnmergeAsync(
        string id, ClaimsPrincipal user, CaseService cases, CancellationToken cancellationToken) =>
        ToResult(await cases.UnmergeAsync(id, user.ToActor(), cancellationToken));

    private static Results<Ok<Case>, ValidationProblem, ProblemHttpResult> ToResult(CaseResult result) =>
        result.Kind == CaseResultKind.Done ? TypedResults.Ok(result.Case!) : ToProblem(result.Case?.Id, result);

    private static ProblemHttpResult ToProblem(string? id, CaseResult result) => result.Kind switch
    {
        CaseResultKind.NotFound => ApiProblems.NotFound("case", result.Problem?.StartsWith("no case ", StringComparison.Ordinal) == true ? result.Problem[8..] : id),
        CaseResultKind.Refused => ApiProblems.Conflict(
            "Change refused",
            result.Problem ?? "the case cannot make this change",
            new Dictionary<string, object?>
            {
                ["state"] = result.Case?.State.ToWire(),
                ["allowed"] = result.Case is { } current ? AllowedTransitions(current) : Array.Empty<string>(),
            }),
        CaseResultKind.Conflict => ApiProblems.Conflict("Concurrent change", result.Problem ?? "the case was changed by someone else; reload and retry"),
        CaseResultKind.Done => throw new InvalidOperationException("a completed change is not a problem"),
        _ => throw new ArgumentOutOfRangeException(nameof(result), result.Kind, null),
    };
}
