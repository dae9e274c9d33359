using System.Text.Json;
using Vigil.Connectors.Http;

namespace Vigil.Connectors.Vendors;

/// <summary>
/// The Microsoft identity platform's client-credentials token for an app registration (Graph, Defender for Endpoint):
/// <c>POST {AuthorityHost}/{TenantId}/oauth2/v2.0/token</c> with <c>scope={resource}/.default</c>. Settings:
/// <c>TenantId</c>, <c>ClientId</c>, optional <c>TokenUrl</c>; secret <c>client_secret</c>.
/// </summary>
internal static class MicrosoftIdentity
{
    public static Uri TokenUrl(ConnectorOptions options) =>
        options.Get("TokenUrl") is { } url ? new Uri(url) : new Uri($"https://login.microsoftonline.com/{Uri.EscapeDataString(options.Require("TenantId"))}/oauth2/v2.0/token");

    /// <summary>Graph and Defender errors: <c>{"error":{"code":…,"message":…}}</c>.</summary>
    public static string Error(ConnectorResponse response)
    {
        try
        {
            var body = response.Json();
            return body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object
                ? $"HTTP {(int?)response.StatusCode} {error.GetProperty("code").GetString()}: {error.GetProperty("message").GetString()}"
                : response.Error ?? "unexpected answer";
        }
        catch (JsonException)
        {
            return response.Error ?? "unexpected answer";
        }
    }
}
