using System.Net;
using System.Text.Json;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Manifest;

/// <summary>
/// A connector defined by data: each action of a manifest is one templated HTTP request with its expected statuses
/// and where to find the reference, rollback token and details in the answer. Everything else (SSRF guard, timeouts,
/// retry classification, health, secrets) is the same path the coded connectors take.
/// </summary>
internal sealed class ManifestConnector(LoadedManifest manifest, ConnectorClients clients, ConnectorSecrets secrets) : HttpActionConnector(clients, secrets)
{
    public override string Name => manifest.Name;

    public override IReadOnlyList<string> ActionTypes => manifest.ActionTypes;

    protected override async Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var action = manifest.Actions[call.ActionType];
        var request = await RenderAsync(call, action, simulate: false, cancellationToken);
        var response = await Client.SendAsync(request, cancellationToken);
        var expected = action.Expect.Count == 0 ? response.IsSuccess : response.StatusCode is { } status && action.Expect.Contains((int)status);
        if (!expected)
        {
            var failed = response.ToFailure($"{Name} {call.ActionType}");
            return response.IsSuccess ? failed with { Outcome = ConnectorOutcome.Failed, Summary = $"{Name} {call.ActionType} failed: unexpected HTTP {(int?)response.StatusCode}" } : failed;
        }

        var answer = response.Body.Length == 0 ? default : TryJson(response.Body);
        var details = action.Result?.Details.ToDictionary(d => d.Key, d => Extract(answer, d.Value) ?? string.Empty) ?? [];
        return ConnectorResults.Succeeded(
            $"{manifest.Title} {call.ActionType} done (HTTP {(int?)response.StatusCode})", response,
            action.Result?.Reference is { } reference ? Extract(answer, reference) : null,
            action.Result?.RollbackToken is { } token ? Extract(answer, token) : null,
            details);
    }

    protected override async Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken) =>
        [await RenderAsync(call, manifest.Actions[call.ActionType], simulate: true, cancellationToken)];

    private async Task<OutboundRequest> RenderAsync(ConnectorCall call, LoadedAction action, bool simulate, CancellationToken cancellationToken)
    {
        var options = Options;
        var secretValues = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!simulate)
        {
            foreach (var secret in action.Secrets)
            {
                secretValues[secret] = await Secrets.RequireAsync(Name, secret, cancellationToken);
            }
        }

        string? Resolve(string source, string name) => source switch
        {
            "inputs" => call.Require(name),
            "settings" => options.Require(name),
            "secrets" => secretValues[name],
            "rollback_token" => call.RollbackToken ?? throw new ConnectorInputException($"{call.ActionType} needs the rollback token of the action it undoes"),
            "call" => name switch
            {
                "request_id" => call.RequestId,
                "case_id" => call.CaseId,
                "idempotency_key" => call.IdempotencyKey,
                "attribution" => call.Attribution(),
                _ => call.ActionType,
            },
            _ => null,
        };

        var root = options.BaseUrl ?? manifest.BaseUrl ?? throw new ConnectorConfigurationException($"{ConnectorOptions.Section}:{Name}:BaseUrl is not set");
        var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var secretHeaders = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var (header, template) in action.Headers)
        {
            (template.UsesSecret && !simulate ? secretHeaders : headers)[header] = template.Render(Resolve, simulate);
        }

        return new OutboundRequest
        {
            Method = action.Method,
            Url = new Uri(root, action.Path.Render(Resolve, simulate)),
            Body = action.Body?.Render(Resolve, simulate),
            ContentType = action.ContentType,
            Headers = headers,
            SecretHeaders = secretHeaders,
            UrlIsSecret = action.Path.UsesSecret,
        };
    }

    private static JsonElement TryJson(string body)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return default;
        }
    }

    /// <summary>Follows a dotted path (<c>result.id</c>, <c>items.0.name</c>) through the answer; null when it leads nowhere.</summary>
    internal static string? Extract(JsonElement answer, string path)
    {
        var at = answer;
        foreach (var step in path.Split('.'))
        {
            if (at.ValueKind == JsonValueKind.Object && at.TryGetProperty(step, out var next))
            {
                at = next;
            }
            else if (at.ValueKind == JsonValueKind.Array && int.TryParse(step, out var index) && index >= 0 && index < at.GetArrayLength())
            {
                at = at[index];
            }
            else
            {
                return null;
            }
        }

        return at.ValueKind switch
        {
            JsonValueKind.String => at.GetString(),
            JsonValueKind.Undefined or JsonValueKind.Null => null,
            _ => at.GetRawText(),
        };
    }
}
