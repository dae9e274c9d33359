using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Okta;

/// <summary>
/// Okta Users API: account.disable suspends (<c>POST /api/v1/users/{id}/lifecycle/suspend</c>), account.enable
/// unsuspends, token.revoke clears every session and the OAuth tokens issued to them
/// (<c>DELETE /api/v1/users/{id}/sessions?oauthTokens=true</c>). The user (id or login) is read first, so the action
/// runs on the user's id and a repeat of a suspension already in place succeeds without a second call.
/// Settings: <c>BaseUrl</c> (https://your-org.okta.com). Secret: <c>okta/api_token</c> (sent as <c>SSWS</c>).
/// </summary>
public sealed class OktaConnector(ConnectorClients clients, ConnectorSecrets secrets) : HttpActionConnector(clients, secrets)
{
    public override string Name => "okta";

    public override IReadOnlyList<string> ActionTypes { get; } = ["account.disable", "account.enable", "token.revoke"];

    protected override async Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var auth = new AuthenticationHeaderValue("SSWS", await Secrets.RequireAsync(Name, "api_token", cancellationToken));
        var login = call.Require("user");
        var lookup = await Client.SendAsync(new OutboundRequest { Method = HttpMethod.Get, Url = Url($"api/v1/users/{Uri.EscapeDataString(login)}"), Authorization = auth }, cancellationToken);
        if (!lookup.IsSuccess)
        {
            return lookup.ToFailure($"looking up Okta user {login}");
        }

        var user = lookup.Json();
        var id = user.GetProperty("id").GetString()!;
        var status = user.GetProperty("status").GetString();
        var details = new Dictionary<string, string> { ["user_id"] = id, ["status_before"] = status ?? string.Empty };
        var already = (call.ActionType, status) switch
        {
            ("account.disable", "SUSPENDED") => $"Okta user {login} was already suspended",
            ("account.enable", "ACTIVE") => $"Okta user {login} was already active",
            _ => null,
        };
        if (already is not null)
        {
            return ConnectorResults.Succeeded(already, lookup, id, RollbackFor(call, id), details);
        }

        var response = await Client.SendAsync(Action(call.ActionType, id) with { Authorization = auth }, cancellationToken);
        if (!response.IsSuccess)
        {
            return response.ToFailure($"{Verb(call.ActionType)} Okta user {login}") with { Summary = $"{Verb(call.ActionType)} Okta user {login} failed: {OktaError(response)}" };
        }

        return ConnectorResults.Succeeded($"Okta user {login} {Done(call.ActionType)}", response, id, RollbackFor(call, id), details);
    }

    protected override Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var login = call.Require("user");
        return Task.FromResult<IReadOnlyList<OutboundRequest>>(
        [
            new OutboundRequest { Method = HttpMethod.Get, Url = Url($"api/v1/users/{Uri.EscapeDataString(login)}") },
            Action(call.ActionType, "{id of " + login + "}"),
        ]);
    }

    private OutboundRequest Action(string actionType, string id) => actionType switch
    {
        "account.disable" => new OutboundRequest { Method = HttpMethod.Post, Url = Url($"api/v1/users/{Uri.EscapeDataString(id)}/lifecycle/suspend") },
        "account.enable" => new OutboundRequest { Method = HttpMethod.Post, Url = Url($"api/v1/users/{Uri.EscapeDataString(id)}/lifecycle/unsuspend") },
        _ => new OutboundRequest { Method = HttpMethod.Delete, Url = Url($"api/v1/users/{Uri.EscapeDataString(id)}/sessions?oauthTokens=true") },
    };

    /// <summary>Suspension and its lifting undo each other; revoking sessions cannot be undone (no token).</summary>
    private static string? RollbackFor(ConnectorCall call, string id) => call.ActionType == "token.revoke" ? null : JsonSerializer.Serialize(new { user_id = id });

    private static string Verb(string actionType) => actionType switch
    {
        "account.disable" => "suspending",
        "account.enable" => "unsuspending",
        _ => "clearing the sessions of",
    };

    private static string Done(string actionType) => actionType switch
    {
        "account.disable" => "suspended",
        "account.enable" => "unsuspended",
        _ => "signed out of every session, OAuth tokens revoked",
    };

    /// <summary>Okta errors carry <c>errorCode</c> (E0000007 …) and <c>errorSummary</c>.</summary>
    internal static string OktaError(ConnectorResponse response)
    {
        try
        {
            var error = response.Json();
            return error.ValueKind == JsonValueKind.Object && error.TryGetProperty("errorCode", out var code)
                ? $"HTTP {(int?)response.StatusCode} {code.GetString()}: {error.GetProperty("errorSummary").GetString()}"
                : response.Error ?? "unexpected answer";
        }
        catch (JsonException)
        {
            return response.Error ?? "unexpected answer";
        }
    }
}
