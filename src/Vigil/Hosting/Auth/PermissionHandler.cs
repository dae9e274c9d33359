using Microsoft.AspNetCore.Authorization;

namespace Vigil.Hosting.Auth;

/// <summary>Grants a permission to a principal holding it as a scope, or holding <c>*</c>.</summary>
internal sealed class PermissionHandler : AuthorizationHandler<PermissionRequirement>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, PermissionRequirement requirement)
    {
        if (context.User.HasPermission(requirement.Permission))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
