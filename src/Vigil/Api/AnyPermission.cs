using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Vigil.Hosting.Auth;

namespace Vigil.Api;

internal static class AnyPermission
{
    /// <summary>
    /// For an endpoint whose handler decides which of several permissions a request needs (closing a case needs
    /// case:close, other moves case:write): a caller holding none of them is refused before the body is read.
    /// </summary>
    public static RouteHandlerBuilder RequireAnyPermission(this RouteHandlerBuilder builder, params string[] permissions) =>
        builder.RequireAuthorization(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireAssertion(context => permissions.Any(context.User.HasPermission))
                .Build())
            .WithMetadata(new AnyPermissionMetadata(permissions));
}
