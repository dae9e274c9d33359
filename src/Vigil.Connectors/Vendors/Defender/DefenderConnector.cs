using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Defender;

/// <summary>
/// Microsoft Defender for Endpoint machine actions: host.isolate is <c>POST /api/machines/{id}/isolate</c> with
/// <c>{"Comment":…,"IsolationType":"Full"}</c>, host.release is <c>POST /api/machines/{id}/unisolate</c>. A host given
/// by name is resolved with <c>GET /api/machines?$filter=computerDnsName eq '…'</c>. The app needs
/// Machine.Isolate and Machine.Read.All. Settings: <c>TenantId</c>, <c>ClientId</c>, <c>BaseUrl</c> (default
/// https://api.securitycenter.microsoft.com/), optional <c>IsolationType</c> (Full or Selective); secret
/// <c>defender/client_secret</c>.
/// </summary>
public sealed partial class DefenderConnector(ConnectorClients clients, ConnectorSecrets secrets, OAuthClientCredentials tokens) : HttpActionConnector(clients, secrets)
{
    private static readonly Uri DefaultBase = new("https://api.securitycenter.microsoft.com/");

    public override string Name => "defender";

    public override IReadOnlyList<string> ActionTypes { get; } = ["host.isolate", "host.release"];

    protected override async Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var options = Options;
        var clientId = options.Require("ClientId");
        var secret = await Secrets.RequireAsync(Name, "client_secret", cancellationToken);
        var token = () => tokens.GetAsync(Client, MicrosoftIdentity.TokenUrl(options), clientId, secret, "https://api.securitycenter.microsoft.com/.default", cancellationToken);
        var host = call.RollbackToken is { } rollback ? MachineFromToken(rollback) : call.Require("host");
        var machineId = host;
        if (!MachineId().IsMatch(host))
        {
            var lookup = await tokens.SendAsync(Client, token, Lookup(host), cancellationToken);
            if (!lookup.IsSuccess)
            {
                return lookup.ToFailure($"looking up Defender machine {host}") with { Summary = $"looking up Defender machine {host} failed: {MicrosoftIdentity.Error(lookup)}" };
            }

            var ids = lookup.Json().GetProperty("value").EnumerateArray().Select(m => m.GetProperty("id").GetString()!).ToArray();
            if (ids.Length != 1)
            {
                return ConnectorResults.Failed(ids.Length == 0 ? $"no Defender machine is named {host}" : $"{ids.Length} Defender machines are named {host}; give the machine id");
            }

            machineId = ids[0];
        }

        var response = await tokens.SendAsync(Client, token, Act(call, machineId), cancellationToken);
        var verb = call.ActionType == "host.isolate" ? "isolating" : "releasing";
        if (!response.IsSuccess)
        {
            return response.ToFailure($"{verb} Defender machine {host}") with { Summary = $"{verb} Defender machine {host} failed: {MicrosoftIdentity.Error(response)}" };
        }

        var action = response.Json();
        var actionId = action.GetProperty("id").GetString()!;
        var status = action.TryGetProperty("status", out var s) ? s.GetString() ?? string.Empty : string.Empty;
        return ConnectorResults.Succeeded(
            $"Defender machine {host} {(call.ActionType == "host.isolate" ? "isolation" : "release")} requested (machine action {actionId}, {status})",
            response, actionId, JsonSerializer.Serialize(new { machine_id = machineId }),
            new Dictionary<string, string> { ["machine_id"] = machineId, ["machine_action_id"] = actionId, ["status"] = status });
    }

    protected override Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var host = call.RollbackToken is { } rollback ? MachineFromToken(rollback) : call.Require("host");
        return Task.FromResult<IReadOnlyList<OutboundRequest>>(MachineId().IsMatch(host)
            ? [Act(call, host)]
            : [Lookup(host), Act(call, "{machine id of " + host + "}")]);
    }

    private Uri Root => Options.BaseUrl ?? DefaultBase;

    private OutboundRequest Lookup(string name) => new()
    {
        Method = HttpMethod.Get,
        // OData string literal: a single quote is doubled, so a host name cannot end the literal.
        Url = new Uri(Root, $"api/machines?$filter={Uri.EscapeDataString($"computerDnsName eq '{name.ToLowerInvariant().Replace("'", "''", StringComparison.Ordinal)}'")}"),
    };

    private OutboundRequest Act(ConnectorCall call, string machineId) => call.ActionType == "host.isolate"
        ? new OutboundRequest
        {
            Method = HttpMethod.Post,
            Url = new Uri(Root, $"api/machines/{Uri.EscapeDataString(machineId)}/isolate"),
            Body = JsonSerializer.Serialize(new { Comment = $"Isolated by {call.Attribution()}", IsolationType = Options.Get("IsolationType") ?? "Full" }),
        }
        : new OutboundRequest
        {
            Method = HttpMethod.Post,
            Url = new Uri(Root, $"api/machines/{Uri.EscapeDataString(machineId)}/unisolate"),
            Body = JsonSerializer.Serialize(new { Comment = $"Released by {call.Attribution()}" }),
        };

    private static string MachineFromToken(string token)
    {
        using var document = JsonDocument.Parse(token);
        return document.RootElement.GetProperty("machine_id").GetString()!;
    }

    /// <summary>Defender machine ids are 40 hex characters.</summary>
    [GeneratedRegex("^[0-9a-fA-F]{40}$")]
    private static partial Regex MachineId();
}
