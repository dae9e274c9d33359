using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Domain.Access;
using Vigil.Pipeline.Evidence.Stream;

namespace Vigil.Api;

/// <summary>The ledger stream's receivers: lag and delivery state.</summary>
internal static class LedgerStreamApi
{
    public static RouteGroupBuilder MapLedgerStreamApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/v1/ledger/stream").WithTags("Ledger").RequireAuthorization();
        group.MapGet("/", StatusAsync)
            .RequireAuthorization(Permissions.LedgerRead)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("LedgerStreamStatus")
            .WithSummary("Each ledger-stream receiver's lag and delivery state")
            .WithDescription("Per receiver configured under Vigil:Stream:Receivers: lag (ledger entries not yet acknowledged, over every chain), "
                + "entries delivered, failed attempts, consecutive attempts, next attempt time (back-off), last error and last delivery.");
        return group;
    }

    private static async Task<Ok<StreamReceiverStatus[]>> StatusAsync(LedgerStreamer streamer, StreamReceivers receivers, CancellationToken cancellationToken)
    {
        var statuses = new List<StreamReceiverStatus>();
        foreach (var receiver in receivers.All)
        {
            statuses.Add(await streamer.StatusAsync(receiver, cancellationToken));
        }

        return TypedResults.Ok(statuses.ToArray());
    }
}
