using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Connectors.Http;

namespace Vigil.Connectors.Vendors;

/// <summary>
/// OAuth 2.0 client-credentials grant (RFC 6749 §4.4) with the token cached until a minute before it expires, through
/// the connector's own guarded client. Used by Microsoft identity platform (Graph, Defender) and CrowdStrike.
/// </summary>
public sealed class OAuthClientCredentials(TimeProvider time)
{
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, (string Token, DateTimeOffset Until)> _tokens = new(StringComparer.Ordinal);

    /// <returns>The bearer token, or the failed token response (its body is an error, never a token).</returns>
    public async Task<(AuthenticationHeaderValue? Bearer, ConnectorResponse? Failure)> GetAsync(ConnectorClient client, Uri tokenUrl, string clientId, string clientSecret,
        string? scope, CancellationToken cancellationToken)
    {
        var cacheKey = $"{client.Options.Name}|{tokenUrl}|{clientId}|{scope}";
        if (_tokens.TryGetValue(cacheKey, out var cached) && cached.Until > time.GetUtcNow())
        {
            return (new AuthenticationHeaderValue("Bearer", cached.Token), null);
        }

        var form = new List<KeyValuePair<string, string>>
        {
            new("grant_type", "client_credentials"),
            new("client_id", clientId),
            new("client_secret", clientSecret),
        };
        if (scope is not null)
        {
            form.Add(new("scope", scope));
        }

        using var content = new FormUrlEncodedContent(form);
        var response = await client.SendAsync(new OutboundRequest
        {
            Method = HttpMethod.Post,
            Url = tokenUrl,
            Body = await content.ReadAsStringAsync(cancellationToken),
            ContentType = "application/x-www-form-urlencoded",
        }, cancellationToken);
        if (!response.IsSuccess)
        {
            return (null, response with { Error = $"token request: {response.Error}" });
        }

        using var document = JsonDocument.Parse(response.Body);
        var token = document.RootElement.GetProperty("access_token").GetString()!;
        var lifetime = document.RootElement.TryGetProperty("expires_in", out var expires) && expires.TryGetInt32(out var seconds) ? TimeSpan.FromSeconds(seconds) : TimeSpan.FromMinutes(5);
        _tokens[cacheKey] = (token, time.GetUtcNow() + lifetime - Margin);
        return (new AuthenticationHeaderValue("Bearer", token), null);
    }

    /// <summary>Forgets a token the vendor rejected (401), so the next call fetches a new one.</summary>
    public void Forget(ConnectorClient client) =>
        _tokens.Keys.Where(k => k.StartsWith(client.Options.Name + "|", StringComparison.Ordinal)).ToList().ForEach(k => _tokens.TryRemove(k, out _));

    /// <summary>Sends with a bearer token from <paramref name="token"/>; a 401 (token revoked or expired early) gets one retry with a fresh token.</summary>
    public async Task<ConnectorResponse> SendAsync(ConnectorClient client, Func<Task<(AuthenticationHeaderValue? Bearer, ConnectorResponse? Failure)>> token,
        OutboundRequest request, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var (bearer, failure) = await token();
            if (failure is not null)
            {
                return failure;
            }

            var response = await client.SendAsync(request with { Authorization = bearer }, cancellationToken);
            if (response.StatusCode != System.Net.HttpStatusCode.Unauthorized || attempt == 1)
            {
                return response;
            }

            Forget(client);
        }
    }
}
