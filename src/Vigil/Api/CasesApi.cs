using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

internal static partial class CasesApi
{
    public static RouteGroupBuilder MapCasesApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/cases").WithTags("Cases").RequireAuthorization();

        group.MapGet("", ListAsync)
            .RequireAuthorization(Permissions.CaseRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListCases")
            .WithSummary("List cases")
            .WithDescription(
                "Filters: state (repeatable or comma-separated), open, min_severity, owner, q (title text), opened_after, "
                + "opened_before. Sort: opened_desc (default), opened_asc, severity_desc, sla_due_asc, updated_desc. Keyset paging: "
                + "pass next_cursor as cursor; the Link header (rel=\"next\") carries the same URL.");

        group.MapGet("/{id}", GetAsync)
            .RequirePermissionOrNotFound(Permissions.CaseRead, "case")
            .WithName("GetCase")
            .WithSummary("Read one case")
            .WithDescription("The case, its alerts, entities and notes, and the transitions it allows next.");

        MapCommands(group);
        return group;
    }

    private static async Task<Results<Ok<CaseDetail>, ProblemHttpResult>> GetAsync(string id, IVigilStore store, CancellationToken cancellationToken)
    {
        var found = await store.GetCaseAsync(id, cancellationToken);
        if (found is null)
        {
            return ApiProblems.NotFound("case", id);
        }

        var alerts = await store.GetCaseAlertsAsync(id, cancellationToken);
        var entities = await store.GetCaseEntitiesAsync(id, cancellationToken);
        var notes = await store.GetNotesAsync(id, cancellationToken);
        return TypedResults.Ok(new CaseDetail(found, alerts, entities, notes, AllowedTransitions(found)));
    }

    /// <summary>What <c>POST /transitions</c> accepts next: lifecycle moves plus closed, or reopened for a closed case.</summary>
    public static IReadOnlyList<string> AllowedTransitions(Case current)
    {
        if (current.IsClosed)
        {
            // A merged case comes back through unmerge, which puts its alerts back; a plain reopen would leave it empty.
            return current.MergedInto is null ? ["reopened"] : [];
        }

        var next = CaseLifecycle.NextStates(current.State);
        var allowed = new string[next.Count + 1];
        for (var i = 0; i < next.Count; i++)
        {
            allowed[i] = next[i].ToWire();
        }

        allowed[^1] = CaseState.Closed.ToWire();
        return allowed;
    }
}
