using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Api.Contracts;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

internal static class LedgerApi
{
    public static RouteGroupBuilder MapLedgerApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1").WithTags("Ledger").RequireAuthorization();

        group.MapGet("/cases/{id}/ledger", GetCaseLedgerAsync)
            .RequirePermissionOrNotFound(Permissions.LedgerRead, "case")
            .WithName("GetCaseLedger")
            .WithSummary("A case's ledger chain, verified")
            .WithDescription("Every entry of the case's hash chain as stored, and the result of verifying it.");

        group.MapGet("/ledger/verify", VerifyAllAsync)
            .RequireAuthorization(Permissions.LedgerRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("VerifyLedger")
            .WithSummary("Verify every ledger chain")
            .WithDescription(
                "Always 200 when the check ran: intact=true, or intact=false with every problem named by chain, entry (seq) "
                + "and kind (changed, missing, broken_link, out_of_order, truncated, head_mismatch, unrecorded). A broken chain "
                + "is a finding about the data, not a failure of the request.");
        return group;
    }

    private static async Task<Results<Ok<CaseLedger>, ProblemHttpResult>> GetCaseLedgerAsync(
        string id, IVigilStore store, CancellationToken cancellationToken)
    {
        var entries = await store.ReadLedgerAsync(id, cancellationToken);
        var head = await store.GetLedgerHeadAsync(id, cancellationToken);
        if (entries.Count == 0 && head is null && await store.GetCaseAsync(id, cancellationToken) is null)
        {
            return ApiProblems.NotFound("case", id);
        }

        var verification = LedgerVerifier.Verify(id, entries, head);
        return TypedResults.Ok(new CaseLedger(id, entries, verification.IsIntact, Problems(verification).ToArray()));
    }

    private static async Task<Ok<LedgerVerifyReport>> VerifyAllAsync(LedgerAuditor auditor, CancellationToken cancellationToken)
    {
        var report = await auditor.VerifyAllAsync(cancellationToken);
        var broken = report.Broken.ToArray();
        return TypedResults.Ok(new LedgerVerifyReport(
            report.IsIntact,
            report.Chains.Count,
            report.Entries,
            broken.Select(c => c.ChainId).ToArray(),
            broken.SelectMany(Problems).ToArray()));
    }

    private static IEnumerable<LedgerProblemView> Problems(LedgerVerification verification) =>
        verification.Problems.Select(p => new LedgerProblemView(verification.ChainId, p.Seq, p.Kind, p.Message));
}
