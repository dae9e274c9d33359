using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Jira;

/// <summary>
/// Jira Cloud REST API v3. ticket.create: <c>POST /rest/api/3/issue</c> (summary, ADF description, labels), after a
/// JQL search for the label that carries the call's idempotency key, so a retry finds the issue instead of opening a
/// second. ticket.update: a comment (<c>POST …/comment</c>), new summary (<c>PUT /rest/api/3/issue/{key}</c>) and/or
/// a status reached by the transition whose target has that name (<c>GET</c>/<c>POST …/transitions</c>). Read-back:
/// <c>GET /rest/api/3/issue/{key}?fields=status,resolution</c>, status category done meaning resolved.
/// Settings: <c>BaseUrl</c> (https://your-site.atlassian.net), <c>Email</c>, <c>ProjectKey</c>, optional
/// <c>IssueType</c> (Task); secret <c>jira/api_token</c> (basic auth with the e-mail, as Atlassian documents).
/// </summary>
public sealed class JiraConnector(ConnectorClients clients, ConnectorSecrets secrets) : HttpActionConnector(clients, secrets), ITicketStatusReader
{
    public override string Name => "jira";

    public override IReadOnlyList<string> ActionTypes { get; } = ["ticket.create", "ticket.update"];

    public async Task<TicketStatus> GetTicketStatusAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Client.SendAsync(new OutboundRequest
            {
                Method = HttpMethod.Get,
                Url = Url($"rest/api/3/issue/{Uri.EscapeDataString(reference)}?fields=status,resolution"),
                Authorization = await AuthAsync(cancellationToken),
            }, cancellationToken);
            if (!response.IsSuccess)
            {
                return new TicketStatus { Reference = reference, Outcome = response.Outcome, Error = JiraError(response) };
            }

            var issue = response.Json();
            var fields = issue.GetProperty("fields");
            var status = fields.GetProperty("status");
            return new TicketStatus
            {
                Reference = reference,
                Key = issue.GetProperty("key").GetString(),
                Outcome = ConnectorOutcome.Succeeded,
                Status = status.GetProperty("name").GetString(),
                State = status.GetProperty("statusCategory").GetProperty("key").GetString() switch
                {
                    "new" => TicketState.Open,
                    "indeterminate" => TicketState.InProgress,
                    "done" => TicketState.Resolved,
                    _ => TicketState.Unknown,
                },
                Resolution = fields.TryGetProperty("resolution", out var resolution) && resolution.ValueKind == JsonValueKind.Object ? resolution.GetProperty("name").GetString() : null,
            };
        }
        catch (ConnectorConfigurationException ex)
        {
            return new TicketStatus { Reference = reference, Outcome = ConnectorOutcome.Failed, Error = ex.Message };
        }
    }

    protected override Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken) =>
        call.ActionType == "ticket.create" ? CreateAsync(call, cancellationToken) : UpdateAsync(call, cancellationToken);

    protected override Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        if (call.ActionType == "ticket.create")
        {
            return Task.FromResult<IReadOnlyList<OutboundRequest>>([Search(call), Create(call)]);
        }

        var key = Uri.EscapeDataString(call.Require("ticket"));
        var requests = new List<OutboundRequest>();
        if (call.Optional("comment") is { } comment)
        {
            requests.Add(Comment(key, comment));
        }

        if (call.Optional("summary") is { } summary)
        {
            requests.Add(Edit(key, summary));
        }

        if (call.Optional("status") is not null)
        {
            requests.Add(new OutboundRequest { Method = HttpMethod.Get, Url = Url($"rest/api/3/issue/{key}/transitions") });
            requests.Add(new OutboundRequest { Method = HttpMethod.Post, Url = Url($"rest/api/3/issue/{key}/transitions"), Body = "{\"transition\":{\"id\":\"{id of the transition to " + call.Optional("status") + "}\"}}" });
        }

        return Task.FromResult<IReadOnlyList<OutboundRequest>>(requests.Count > 0 ? requests : throw new ConnectorInputException("ticket.update needs 'comment', 'summary' or 'status'"));
    }

    private async Task<ConnectorResult> CreateAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var auth = await AuthAsync(cancellationToken);
        var found = await Client.SendAsync(Search(call) with { Authorization = auth }, cancellationToken);
        if (!found.IsSuccess)
        {
            return found.ToFailure("searching Jira for an issue this call already created") with { Summary = $"searching Jira for an issue this call already created failed: {JiraError(found)}" };
        }

        if (found.Json().GetProperty("issues").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } existing)
        {
            var existingKey = existing.GetProperty("key").GetString()!;
            return ConnectorResults.Succeeded($"Jira issue {existingKey} was already created for this action", found, existingKey,
                details: new Dictionary<string, string> { ["key"] = existingKey, ["id"] = existing.GetProperty("id").GetString() ?? string.Empty });
        }

        var response = await Client.SendAsync(Create(call) with { Authorization = auth }, cancellationToken);
        if (!response.IsSuccess)
        {
            return response.ToFailure("creating the Jira issue") with { Summary = $"creating the Jira issue failed: {JiraError(response)}" };
        }

        var created = response.Json();
        var key = created.GetProperty("key").GetString()!;
        return ConnectorResults.Succeeded($"Jira issue {key} created", response, key,
            details: new Dictionary<string, string> { ["key"] = key, ["id"] = created.GetProperty("id").GetString() ?? string.Empty });
    }

    private async Task<ConnectorResult> UpdateAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var ticket = call.Require("ticket");
        var key = Uri.EscapeDataString(ticket);
        var auth = await AuthAsync(cancellationToken);
        var done = new List<string>();
        ConnectorResponse? last = null;
        if (call.Optional("comment") is { } comment)
        {
            last = await Client.SendAsync(Comment(key, comment) with { Authorization = auth }, cancellationToken);
            if (!last.IsSuccess)
            {
                return Failed(last, $"commenting on Jira issue {ticket}");
            }

            done.Add("comment added");
        }

        if (call.Optional("summary") is { } summary)
        {
            last = await Client.SendAsync(Edit(key, summary) with { Authorization = auth }, cancellationToken);
            if (!last.IsSuccess)
            {
                return Failed(last, $"editing Jira issue {ticket}");
            }

            done.Add("summary changed");
        }

        if (call.Optional("status") is { } status)
        {
            var transitions = await Client.SendAsync(new OutboundRequest { Method = HttpMethod.Get, Url = Url($"rest/api/3/issue/{key}/transitions"), Authorization = auth }, cancellationToken);
            if (!transitions.IsSuccess)
            {
                return Failed(transitions, $"reading the transitions of Jira issue {ticket}");
            }

            var transition = transitions.Json().GetProperty("transitions").EnumerateArray()
                .FirstOrDefault(t => string.Equals(t.GetProperty("to").GetProperty("name").GetString(), status, StringComparison.OrdinalIgnoreCase)
                    || string.Equals(t.GetProperty("name").GetString(), status, StringComparison.OrdinalIgnoreCase));
            if (transition.ValueKind != JsonValueKind.Object)
            {
                var names = transitions.Json().GetProperty("transitions").EnumerateArray().Select(t => t.GetProperty("to").GetProperty("name").GetString());
                return ConnectorResults.Failed($"Jira issue {ticket} has no transition to '{status}' (available: {string.Join(", ", names)})");
            }

            last = await Client.SendAsync(new OutboundRequest
            {
                Method = HttpMethod.Post,
                Url = Url($"rest/api/3/issue/{key}/transitions"),
                Body = new JsonObject { ["transition"] = new JsonObject { ["id"] = transition.GetProperty("id").GetString() } }.ToJsonString(),
                Authorization = auth,
            }, cancellationToken);
            if (!last.IsSuccess)
            {
                return Failed(last, $"moving Jira issue {ticket} to {status}");
            }

            done.Add($"moved to {transition.GetProperty("to").GetProperty("name").GetString()}");
        }

        return last is null
            ? ConnectorResults.Failed("ticket.update needs 'comment', 'summary' or 'status'")
            : ConnectorResults.Succeeded($"Jira issue {ticket}: {string.Join(", ", done)}", last, ticket);
    }

    private OutboundRequest Search(ConnectorCall call) => new()
    {
        Method = HttpMethod.Get,
        Url = Url($"rest/api/3/search/jql?jql={Uri.EscapeDataString($"labels = \"{IdempotencyLabel(call)}\"")}&fields=key&maxResults=1"),
    };

    private OutboundRequest Create(ConnectorCall call)
    {
        var options = Options;
        var description = call.Optional("description") ?? string.Empty;
        var fields = new JsonObject
        {
            ["project"] = new JsonObject { ["key"] = options.Require("ProjectKey") },
            ["issuetype"] = new JsonObject { ["name"] = options.Get("IssueType") ?? "Task" },
            ["summary"] = VendorText.OneLine(call.Require("summary"), 255),
            ["description"] = AtlassianDocument.From($"{description}\n\nOpened by {call.Attribution()}.".TrimStart('\n')),
            ["labels"] = new JsonArray("vigil", IdempotencyLabel(call)),
        };
        if (call.Optional("priority") is { } priority)
        {
            fields["priority"] = new JsonObject { ["name"] = priority };
        }

        return new OutboundRequest { Method = HttpMethod.Post, Url = Url("rest/api/3/issue"), Body = new JsonObject { ["fields"] = fields }.ToJsonString() };
    }

    private OutboundRequest Comment(string key, string comment) => new()
    {
        Method = HttpMethod.Post,
        Url = Url($"rest/api/3/issue/{key}/comment"),
        Body = new JsonObject { ["body"] = AtlassianDocument.From(comment) }.ToJsonString(),
    };

    private OutboundRequest Edit(string key, string summary) => new()
    {
        Method = HttpMethod.Put,
        Url = Url($"rest/api/3/issue/{key}"),
        Body = new JsonObject { ["fields"] = new JsonObject { ["summary"] = VendorText.OneLine(summary, 255) } }.ToJsonString(),
    };

    private async Task<AuthenticationHeaderValue> AuthAsync(CancellationToken cancellationToken)
    {
        var email = Options.Require("Email");
        var token = await Secrets.RequireAsync(Name, "api_token", cancellationToken);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{email}:{token}")));
    }

    /// <summary>A label derived from the idempotency key (labels cannot hold spaces): the same on every retry of the action.</summary>
    internal static string IdempotencyLabel(ConnectorCall call) =>
        "vigil-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(call.IdempotencyKey)).AsSpan(0, 10));


    private static ConnectorResult Failed(ConnectorResponse response, string what) => response.ToFailure(what) with { Summary = $"{what} failed: {JiraError(response)}" };

    /// <summary>Jira errors: <c>{"errorMessages":[…],"errors":{"field":"message"}}</c>.</summary>
    private static string JiraError(ConnectorResponse response)
    {
        try
        {
            var body = response.Json();
            if (body.ValueKind == JsonValueKind.Object)
            {
                var messages = body.TryGetProperty("errorMessages", out var list) ? list.EnumerateArray().Select(m => m.GetString()) : [];
                var fields = body.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Object
                    ? errors.EnumerateObject().Select(e => $"{e.Name}: {e.Value.GetString()}")
                    : [];
                var all = messages.Concat(fields).ToArray();
                if (all.Length > 0)
                {
                    return $"HTTP {(int?)response.StatusCode} {string.Join("; ", all)}";
                }
            }
        }
        catch (JsonException)
        {
        }

        return response.Error ?? "unexpected answer";
    }
}
