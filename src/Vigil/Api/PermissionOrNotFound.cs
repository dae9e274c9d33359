using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Vigil.Hosting.Auth;

namespace Vigil.Api;

internal static class PermissionOrNotFound
{
    /// <summary>
    /// For reads of one resource: a caller without <paramref name="permission"/> gets exactly the 404 a missing
    /// resource gets (bitwarden's pattern), so a key cannot probe which ids exist. Lists and changes answer 403 instead:
    /// they are refused before any lookup, so their refusal says nothing about a particular resource.
    /// </summary>
    public static RouteHandlerBuilder RequirePermissionOrNotFound(this RouteHandlerBuilder builder, string permission, string what) =>
        builder.AddEndpointFilter(async (context, next) =>
            context.HttpContext.User.HasPermission(permission)
                ? await next(context)
                : ApiProblems.NotFound(what, context.HttpContext.Request.RouteValues["id"]?.ToString()))
            .ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new PermissionOrNotFoundMetadata(permission));
}
