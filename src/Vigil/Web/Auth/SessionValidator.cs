using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Hosting.Auth;
using Vigil.Pipeline.Ports;

namespace Vigil.Web.Auth;

/// <summary>
/// Checks a console session against its account on every request: a disabled account, or one whose password, roles
/// or MFA changed since sign-in (a new security stamp), loses its session at once rather than when the cookie expires.
/// One indexed read per page; the console is not a hot path.
/// </summary>
internal sealed class SessionValidator : CookieAuthenticationEvents
{
    public override async Task ValidatePrincipal(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(VigilClaims.UserId)?.Value;
        var stamp = context.Principal?.FindFirst(VigilClaims.Stamp)?.Value;
        var store = context.HttpContext.RequestServices.GetRequiredService<IVigilStore>();
        var user = id is null ? null : await store.GetUserAsync(id, context.HttpContext.RequestAborted);
        if (user is null || !user.IsActive || user.SecurityStamp != stamp)
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(ConsoleSchemes.Session);
        }
    }
}
