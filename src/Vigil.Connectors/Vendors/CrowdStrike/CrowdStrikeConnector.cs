using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.CrowdStrike;

/// <summary>
/// CrowdStrike Falcon Hosts API: host.isolate is <c>POST /devices/entities/devices-actions/v2?action_name=contain</c>,
/// host.release is <c>action_name=lift_containment</c>, both with <c>{"ids":[device id]}</c>. A host given by name is
/// resolved with <c>GET /devices/queries/devices/v1?filter=hostname:'…'</c>; more than one match is refused rather than
/// guessed. OAuth2 client credentials at <c>POST /oauth2/token</c>. Settings: <c>BaseUrl</c> (your cloud, e.g.
/// https://api.crowdstrike.com or https://api.eu-1.crowdstrike.com), <c>ClientId</c>; secret <c>crowdstrike/client_secret</c>.
/// </summary>
public sealed partial class CrowdStrikeConnector(ConnectorClients clients, ConnectorSecrets secrets, OAuthClientCredentials tokens) : HttpActionConnector(clients, secrets)
{
    public override string Name => "crowdstrike";

    public override IReadOnlyList<string> ActionTypes { get; } = ["host.isolate", "host.release"];

    protected override async Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var clientId = Options.Require("ClientId");
        var secret = await Secrets.RequireAsync(Name, "client_secret", cancellationToken);
        var token = () => tokens.GetAsync(Client, Url("oauth2/token"), clientId, secret, null, cancellationToken);
        var host = call.RollbackToken is { } rollback ? DeviceFromToken(rollback) : call.Require("host");
        var deviceId = host;
        if (!DeviceId().IsMatch(host))
        {
            var lookup = await tokens.SendAsync(Client, token, Lookup(host), cancellationToken);
            if (!lookup.IsSuccess)
            {
                return lookup.ToFailure($"looking up Falcon host {host}") with { Summary = $"looking up Falcon host {host} failed: {FalconError(lookup)}" };
            }

            var ids = lookup.Json().GetProperty("resources").EnumerateArray().Select(id => id.GetString()!).ToArray();
            if (ids.Length != 1)
            {
                return ConnectorResults.Failed(ids.Length == 0 ? $"no Falcon host is named {host}" : $"{ids.Length} Falcon hosts are named {host}; give the device id");
            }

            deviceId = ids[0];
        }

        var response = await tokens.SendAsync(Client, token, Act(call.ActionType, deviceId), cancellationToken);
        var verb = call.ActionType == "host.isolate" ? "containing" : "lifting the containment of";
        if (!response.IsSuccess)
        {
            return response.ToFailure($"{verb} Falcon host {host}") with { Summary = $"{verb} Falcon host {host} failed: {FalconError(response)}" };
        }

        return ConnectorResults.Succeeded(
            call.ActionType == "host.isolate" ? $"Falcon host {host} network-contained (device {deviceId})" : $"Falcon host {host} containment lifted (device {deviceId})",
            response, deviceId, JsonSerializer.Serialize(new { device_id = deviceId }),
            new Dictionary<string, string> { ["device_id"] = deviceId, ["trace_id"] = TraceId(response) });
    }

    protected override Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var host = call.RollbackToken is { } rollback ? DeviceFromToken(rollback) : call.Require("host");
        return Task.FromResult<IReadOnlyList<OutboundRequest>>(DeviceId().IsMatch(host)
            ? [Act(call.ActionType, host)]
            : [Lookup(host), Act(call.ActionType, "{device id of " + host + "}")]);
    }

    private OutboundRequest Lookup(string hostname) => new()
    {
        Method = HttpMethod.Get,
        // FQL string literal: single quotes, with quotes and backslashes escaped so a host name cannot widen the filter.
        Url = Url($"devices/queries/devices/v1?filter={Uri.EscapeDataString($"hostname:'{hostname.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "\\'", StringComparison.Ordinal)}'")}"),
    };

    private OutboundRequest Act(string actionType, string deviceId) => new()
    {
        Method = HttpMethod.Post,
        Url = Url($"devices/entities/devices-actions/v2?action_name={(actionType == "host.isolate" ? "contain" : "lift_containment")}"),
        Body = JsonSerializer.Serialize(new { ids = new[] { deviceId } }),
    };

    private static string DeviceFromToken(string token)
    {
        using var document = JsonDocument.Parse(token);
        return document.RootElement.GetProperty("device_id").GetString()!;
    }

    private static string TraceId(ConnectorResponse response) =>
        response.Json().TryGetProperty("meta", out var meta) && meta.TryGetProperty("trace_id", out var trace) ? trace.GetString() ?? string.Empty : string.Empty;

    /// <summary>Falcon errors: <c>{"errors":[{"code":…,"message":…}]}</c>.</summary>
    private static string FalconError(ConnectorResponse response)
    {
        try
        {
            var body = response.Json();
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0)
            {
                return $"HTTP {(int?)response.StatusCode}: " + string.Join("; ", errors.EnumerateArray().Select(e => e.GetProperty("message").GetString()));
            }
        }
        catch (JsonException)
        {
        }

        return response.Error ?? "unexpected answer";
    }

    /// <summary>Falcon agent ids (aid) are 32 lower-case hex characters.</summary>
    [GeneratedRegex("^[0-9a-f]{32}$")]
    private static partial Regex DeviceId();
}
