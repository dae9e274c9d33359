using System.Text.Json;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Graph;

/// <summary>
/// Microsoft Graph (Entra ID users): account.disable and account.enable set <c>accountEnabled</c> with
/// <c>PATCH /v1.0/users/{id | userPrincipalName}</c>; token.revoke calls <c>POST /v1.0/users/{id}/revokeSignInSessions</c>,
/// which invalidates refresh tokens and session cookies. The app needs User.EnableDisableAccount.All (or
/// User.ReadWrite.All) and User.RevokeSessions.All. Settings: <c>TenantId</c>, <c>ClientId</c>, <c>BaseUrl</c>
/// (default https://graph.microsoft.com/); secret <c>graph/client_secret</c>.
/// </summary>
public sealed class GraphConnector(ConnectorClients clients, ConnectorSecrets secrets, OAuthClientCredentials tokens) : HttpActionConnector(clients, secrets)
{
    private static readonly Uri DefaultBase = new("https://graph.microsoft.com/");

    public override string Name => "graph";

    public override IReadOnlyList<string> ActionTypes { get; } = ["account.disable", "account.enable", "token.revoke"];

    protected override async Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var options = Options;
        var clientId = options.Require("ClientId");
        var secret = await Secrets.RequireAsync(Name, "client_secret", cancellationToken);
        var user = call.Require("user");
        var response = await tokens.SendAsync(Client,
            () => tokens.GetAsync(Client, MicrosoftIdentity.TokenUrl(options), clientId, secret, "https://graph.microsoft.com/.default", cancellationToken),
            Build(call), cancellationToken);
        var what = call.ActionType switch
        {
            "account.disable" => $"disabling Entra ID account {user}",
            "account.enable" => $"enabling Entra ID account {user}",
            _ => $"revoking the sign-in sessions of {user}",
        };
        if (!response.IsSuccess)
        {
            return response.ToFailure(what) with { Summary = $"{what} failed: {MicrosoftIdentity.Error(response)}" };
        }

        return call.ActionType switch
        {
            "account.disable" => ConnectorResults.Succeeded($"Entra ID account {user} disabled (accountEnabled=false)", response, user, JsonSerializer.Serialize(new { user })),
            "account.enable" => ConnectorResults.Succeeded($"Entra ID account {user} enabled (accountEnabled=true)", response, user, JsonSerializer.Serialize(new { user })),
            _ => ConnectorResults.Succeeded($"sign-in sessions of {user} revoked", response, user),
        };
    }

    protected override Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboundRequest>>([Build(call)]);

    private OutboundRequest Build(ConnectorCall call)
    {
        var root = Options.BaseUrl ?? DefaultBase;
        var user = Uri.EscapeDataString(call.Require("user"));
        return call.ActionType switch
        {
            "account.disable" or "account.enable" => new OutboundRequest
            {
                Method = HttpMethod.Patch,
                Url = new Uri(root, $"v1.0/users/{user}"),
                Body = JsonSerializer.Serialize(new { accountEnabled = call.ActionType == "account.enable" }),
            },
            _ => new OutboundRequest { Method = HttpMethod.Post, Url = new Uri(root, $"v1.0/users/{user}/revokeSignInSessions") },
        };
    }
}
