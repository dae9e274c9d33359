using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Vigil.Connectors.Secrets;
using Vigil.Connectors.Vendors.Blocklist;
using Vigil.Domain.Access;
using Vigil.Pipeline.Ports;

namespace Vigil.Api;

/// <summary>
/// The blocklist feed firewalls poll as external dynamic lists: <c>GET /feeds/blocklist/{ip|domain|url}.txt</c>, one
/// entry per line, expired entries left out. A firewall authenticates with an API key holding <c>feed:read</c>
/// (Bearer), or with the feed token (<c>vigil connectors set-secret blocklist feed_token</c>) as the password of basic
/// auth or the <c>token</c> query parameter, since not every firewall can send a header. Anything else is a 404.
/// </summary>
internal static class BlocklistFeed
{
    public static IEndpointRouteBuilder MapBlocklistFeed(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/feeds/blocklist/{list}", ServeAsync)
            .AllowAnonymous()
            .WithTags("Connectors")
            .Produces<string>(StatusCodes.Status200OK, "text/plain")
            .Produces(StatusCodes.Status404NotFound)
            .WithName("BlocklistFeed")
            .WithSummary("Blocklist feed (external dynamic list)")
            .WithDescription("list is ip.txt, domain.txt or url.txt. Plain text, one entry per line (IPs and CIDRs; domains; URLs without scheme), unexpired entries only. Auth: an API key with feed:read, or the feed token as basic-auth password or ?token=.");
        return routes;
    }

    private static async Task<IResult> ServeAsync(string list, HttpContext context, IVigilStore store, ConnectorSecrets secrets, IAuthorizationService authorization,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var kind = list.EndsWith(".txt", StringComparison.Ordinal) ? BlocklistIndicator.ParseKind(list[..^4]) : null;
        if (kind is null || !await AllowedAsync(context, secrets, authorization, cancellationToken))
        {
            return Results.NotFound();
        }

        var entries = await store.ListBlocklistAsync(kind.Value, time.GetUtcNow(), cancellationToken);
        var text = new StringBuilder();
        foreach (var entry in entries)
        {
            text.Append(entry.Value).Append('\n');
        }

        context.Response.Headers.CacheControl = "no-store";
        return Results.Text(text.ToString(), "text/plain; charset=utf-8");
    }

    private static async Task<bool> AllowedAsync(HttpContext context, ConnectorSecrets secrets, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        if (context.User.Identity?.IsAuthenticated == true && (await authorization.AuthorizeAsync(context.User, Permissions.FeedRead)).Succeeded)
        {
            return true;
        }

        var offered = context.Request.Query["token"].ToString();
        if (offered.Length == 0 && AuthenticationHeaderValue.TryParse(context.Request.Headers.Authorization, out var header)
            && string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase) && header.Parameter is { } parameter)
        {
            try
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(parameter));
                offered = pair[(pair.IndexOf(':', StringComparison.Ordinal) + 1)..];
            }
            catch (FormatException)
            {
                return false;
            }
        }

        if (offered.Length == 0 || await secrets.GetAsync("blocklist", "feed_token", cancellationToken) is not { Length: > 0 } token)
        {
            return false;
        }

        // Compare digests in fixed time, so timing says nothing about how much of a guess was right.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(offered)), SHA256.HashData(Encoding.UTF8.GetBytes(token)));
    }
}
