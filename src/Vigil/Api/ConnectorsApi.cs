using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Vigil.Connectors;
using Vigil.Domain.Access;

namespace Vigil.Api;

/// <summary>Connectors for operators: what is registered, where it points, which secrets are set (names only), health.</summary>
internal static class ConnectorsApi
{
    public static IEndpointRouteBuilder MapConnectorsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/v1/connectors", ListAsync)
            .RequireAuthorization(Permissions.ConnectorRead)
            .WithTags("Connectors")
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .WithName("ListConnectors")
            .WithSummary("List connectors with their health")
            .WithDescription("Every registered connector: action types, configured base URL, the names of the secrets set (never values), and this node's health since start (calls, successes, transient and permanent failures, last success and failure, last error, latency). Needs connector:read.");
        return routes;
    }

    private static async Task<Ok<IReadOnlyList<ConnectorView>>> ListAsync(ConnectorDirectory directory, CancellationToken cancellationToken) =>
        TypedResults.Ok(await directory.ListAsync(cancellationToken));
}
