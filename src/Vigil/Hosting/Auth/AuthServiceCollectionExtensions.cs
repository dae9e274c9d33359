using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Access;

namespace Vigil.Hosting.Auth;

internal static class AuthServiceCollectionExtensions
{
    /// <summary>
    /// API-key authentication and one policy per permission. A cookie scheme for the console can be added beside
    /// the key scheme later: policies look only at <c>scope</c> claims, not at how the principal signed in.
    /// </summary>
    public static IServiceCollection AddVigilAuth(this IServiceCollection services)
    {
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<IAuthorizationHandler, PermissionHandler>();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            // Secure by default: an endpoint that forgets to say who may call it needs a signed-in caller.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPermissionPolicies();
        return services;
    }

    private static AuthorizationBuilder AddPermissionPolicies(this AuthorizationBuilder builder)
    {
        foreach (var permission in Permissions.Catalogue)
        {
            builder.AddPolicy(permission, policy => policy.RequireAuthenticatedUser().AddRequirements(new PermissionRequirement(permission)));
        }

        return builder;
    }
}
