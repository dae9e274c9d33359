using System.Security.Claims;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;

namespace Vigil.Hosting.Auth;

/// <summary>
/// The claims every Vigil principal carries, whichever way it signed in: its permissions as <c>scope</c> claims and
/// the actor the ledger records. An API key and (later) a console user look alike to authorization.
/// </summary>
internal static partial class VigilClaims
{
    public const string Scope = "scope";
    public const string Actor = "vigil:actor";
    public const string KeyId = "vigil:key_id";
    public const string Source = "vigil:source";

    public static ClaimsPrincipal ForApiKey(ApiKeyRecord key, string scheme)
    {
        var claims = new List<Claim>(key.Scopes.Count + 4)
        {
            new(ClaimTypes.Name, key.Name),
            new(KeyId, key.Id),
            new(Actor, Domain.Ledger.Actor.ApiKey(key.Name).ToString()),
        };
        if (key.Source is not null)
        {
            claims.Add(new Claim(Source, key.Source));
        }

        foreach (var scope in key.Scopes)
        {
            claims.Add(new Claim(Scope, scope));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, scheme));
    }

    public static bool HasPermission(this ClaimsPrincipal user, string permission)
    {
        foreach (var claim in user.FindAll(Scope))
        {
            if (claim.Value == Permissions.All || claim.Value == permission)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Who the ledger records for this request; <see cref="Actor.System"/> never comes from a request.</summary>
    public static Actor ToActor(this ClaimsPrincipal user) =>
        user.FindFirst(Actor)?.Value is { } text
            ? Domain.Ledger.Actor.Parse(text)
            : throw new InvalidOperationException("the request has no authenticated actor");

    /// <summary>The one source an ingest key is restricted to, or null for any.</summary>
    public static string? RestrictedSource(this ClaimsPrincipal user) => user.FindFirst(Source)?.Value;
}
