using Microsoft.AspNetCore.Http;
using Vigil.Hosting.Auth;

namespace Vigil.Api;

/// <summary>
/// Runs after authentication and authorization, before the endpoint binds its parameters: an authenticated caller
/// lacking the permission of a <see cref="PermissionOrNotFoundMetadata"/> endpoint gets the resource's 404.
/// </summary>
internal sealed class PermissionOrNotFoundMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<PermissionOrNotFoundMetadata>() is { } required
            && !context.User.HasPermission(required.Permission))
        {
            return ApiProblems.NotFound(required.What, context.Request.RouteValues["id"]?.ToString()).ExecuteAsync(context);
        }

        return next(context);
    }
}
