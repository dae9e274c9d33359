using System.Security.Claims;
using Vigil.Domain.Access;

namespace Vigil.Hosting.Auth;

internal static partial class VigilClaims
{
    public const string UserId = "vigil:user_id";
    public const string Stamp = "vigil:stamp";
    public const string Mfa = "vigil:mfa";

    /// <summary>
    /// A console user: the permissions of their roles as <c>scope</c> claims (so API policies and pages judge users and
    /// keys alike), the security stamp that invalidates the session when the account changes, and how they signed in.
    /// </summary>
    public static ClaimsPrincipal ForUser(UserRecord user, string method, string scheme)
    {
        var claims = new List<Claim>
        {
            new(ClaimTypes.Name, user.Username),
            new(UserId, user.Id),
            new(Actor, Domain.Ledger.Actor.Human(user.Username).ToString()),
            new(Stamp, user.SecurityStamp),
            new(Mfa, method),
        };
        foreach (var role in user.Roles)
        {
            claims.Add(new Claim(ClaimTypes.Role, role));
        }

        foreach (var permission in Roles.PermissionsOf(user.Roles))
        {
            claims.Add(new Claim(Scope, permission));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme, ClaimTypes.Name, ClaimTypes.Role));
    }

    /// <summary>Between a right password and the code: only the name, no permissions.</summary>
    public static ClaimsPrincipal ForPendingMfa(string username, string scheme) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, username)], scheme));

    public static string? Username(this ClaimsPrincipal user) => user.FindFirst(ClaimTypes.Name)?.Value;
}
