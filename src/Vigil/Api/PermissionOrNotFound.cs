using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Vigil.Api;

internal static class PermissionOrNotFound
{
    /// <summary>
    /// For requests about one resource: a caller without <paramref name="permission"/> gets exactly the 404 a missing
    /// resource gets (bitwarden's pattern), so a key cannot probe which ids exist. Checked by
    /// <see cref="PermissionOrNotFoundMiddleware"/> before the request body is read, so a denied caller never learns
    /// anything from a validation error either.
    /// </summary>
    public static RouteHandlerBuilder RequirePermissionOrNotFound(this RouteHandlerBuilder builder, string permission, string what) =>
        builder.ProducesProblem(StatusCodes.Status404NotFound)
            .WithMetadata(new PermissionOrNotFoundMetadata(permission, what));
}
