using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.ServiceNow;

/// <summary>
/// ServiceNow Table API on <c>incident</c>. ticket.create: <c>POST /api/now/table/incident</c> with the call's
/// idempotency key in <c>correlation_id</c>, after a query on it so a retry finds the incident instead of opening a
/// second. ticket.update: <c>PATCH /api/now/table/incident/{sys_id}</c> (work note, short description, state).
/// Read-back: <c>GET /api/now/table/incident/{sys_id}</c>; states 6 (Resolved), 7 (Closed), 8 (Canceled) count as
/// resolved. The reference is the record's sys_id. Settings: <c>BaseUrl</c> (https://your-instance.service-now.com),
/// <c>Username</c>, optional <c>AssignmentGroup</c>, <c>CallerId</c>; secret <c>servicenow/password</c> (basic auth), or
/// <c>servicenow/token</c> (an OAuth bearer token) when set.
/// </summary>
public sealed class ServiceNowConnector(ConnectorClients clients, ConnectorSecrets secrets) : HttpActionConnector(clients, secrets), ITicketStatusReader
{
    private const string Fields = "sys_id,number,state,close_code";

    public override string Name => "servicenow";

    public override IReadOnlyList<string> ActionTypes { get; } = ["ticket.create", "ticket.update"];

    public async Task<TicketStatus> GetTicketStatusAsync(string reference, CancellationToken cancellationToken)
    {
        try
        {
            var response = await Client.SendAsync(new OutboundRequest
            {
                Method = HttpMethod.Get,
                Url = Url($"api/now/table/incident/{Uri.EscapeDataString(reference)}?sysparm_fields={Fields}"),
                Authorization = await AuthAsync(cancellationToken),
            }, cancellationToken);
            if (!response.IsSuccess)
            {
                return new TicketStatus { Reference = reference, Outcome = response.Outcome, Error = NowError(response) };
            }

            var record = response.Json().GetProperty("result");
            var state = record.GetProperty("state").GetString();
            return new TicketStatus
            {
                Reference = reference,
                Key = record.GetProperty("number").GetString(),
                Outcome = ConnectorOutcome.Succeeded,
                Status = StateName(state),
                State = state switch
                {
                    "1" => TicketState.Open,
                    "2" or "3" => TicketState.InProgress,
                    "6" or "7" or "8" => TicketState.Resolved,
                    _ => TicketState.Unknown,
                },
                Resolution = record.TryGetProperty("close_code", out var code) && code.GetString() is { Length: > 0 } closeCode ? closeCode : null,
            };
        }
        catch (ConnectorConfigurationException ex)
        {
            return new TicketStatus { Reference = reference, Outcome = ConnectorOutcome.Failed, Error = ex.Message };
        }
    }

    protected override async Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var auth = await AuthAsync(cancellationToken);
        if (call.ActionType == "ticket.update")
        {
            var ticket = call.Require("ticket");
            var patched = await Client.SendAsync(Update(call) with { Authorization = auth }, cancellationToken);
            return patched.IsSuccess
                ? ConnectorResults.Succeeded($"ServiceNow incident {patched.Json().GetProperty("result").GetProperty("number").GetString()} updated", patched, ticket)
                : Failed(patched, $"updating ServiceNow incident {ticket}");
        }

        var found = await Client.SendAsync(Search(call) with { Authorization = auth }, cancellationToken);
        if (!found.IsSuccess)
        {
            return Failed(found, "searching ServiceNow for an incident this call already created");
        }

        if (found.Json().GetProperty("result").EnumerateArray().FirstOrDefault() is { ValueKind: JsonValueKind.Object } existing)
        {
            return Created(existing, found, already: true);
        }

        var response = await Client.SendAsync(Create(call) with { Authorization = auth }, cancellationToken);
        return response.IsSuccess ? Created(response.Json().GetProperty("result"), response, already: false) : Failed(response, "creating the ServiceNow incident");
    }

    protected override Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutboundRequest>>(call.ActionType == "ticket.create" ? [Search(call), Create(call)] : [Update(call)]);

    private OutboundRequest Search(ConnectorCall call) => new()
    {
        Method = HttpMethod.Get,
        // Encoded-query values cannot escape '^'; the key is ours (hex and separators), checked to contain none.
        Url = Url($"api/now/table/incident?sysparm_query={Uri.EscapeDataString("correlation_id=" + CorrelationId(call))}&sysparm_fields={Fields}&sysparm_limit=1"),
    };

    private OutboundRequest Create(ConnectorCall call)
    {
        var options = Options;
        var body = new JsonObject
        {
            ["short_description"] = VendorText.OneLine(call.Require("summary"), 160),
            ["description"] = $"{call.Optional("description")}\n\nOpened by {call.Attribution()}.".TrimStart('\n'),
            ["correlation_id"] = CorrelationId(call),
            ["correlation_display"] = "Vigil",
            ["urgency"] = call.Optional("urgency") ?? "2",
            ["impact"] = call.Optional("impact") ?? "2",
        };
        if (options.Get("AssignmentGroup") is { } group)
        {
            body["assignment_group"] = group;
        }

        if (options.Get("CallerId") is { } caller)
        {
            body["caller_id"] = caller;
        }

        return new OutboundRequest { Method = HttpMethod.Post, Url = Url($"api/now/table/incident?sysparm_fields={Fields}"), Body = body.ToJsonString() };
    }

    private OutboundRequest Update(ConnectorCall call)
    {
        var body = new JsonObject();
        if (call.Optional("comment") is { } comment)
        {
            body["work_notes"] = comment;
        }

        if (call.Optional("summary") is { } summary)
        {
            body["short_description"] = VendorText.OneLine(summary, 160);
        }

        if (call.Optional("status") is { } status)
        {
            var state = status.ToLowerInvariant() switch
            {
                "new" => "1",
                "in progress" or "in_progress" => "2",
                "on hold" or "on_hold" => "3",
                "resolved" => "6",
                "closed" => "7",
                "canceled" or "cancelled" => "8",
                _ => throw new ConnectorInputException($"unknown ServiceNow incident state '{status}' (new, in progress, on hold, resolved, closed, canceled)"),
            };
            body["state"] = state;
            if (state is "6" or "7")
            {
                // Resolving needs a resolution code and notes (mandatory in the base incident form since Madrid).
                body["close_code"] = call.Optional("close_code") ?? "Solved (Permanently)";
                body["close_notes"] = call.Optional("comment") ?? $"Resolved by {call.Attribution()}.";
            }
        }

        if (body.Count == 0)
        {
            throw new ConnectorInputException("ticket.update needs 'comment', 'summary' or 'status'");
        }

        return new OutboundRequest
        {
            Method = HttpMethod.Patch,
            Url = Url($"api/now/table/incident/{Uri.EscapeDataString(call.Require("ticket"))}?sysparm_fields={Fields}"),
            Body = body.ToJsonString(),
        };
    }

    private static ConnectorResult Created(JsonElement record, ConnectorResponse response, bool already)
    {
        var sysId = record.GetProperty("sys_id").GetString()!;
        var number = record.GetProperty("number").GetString() ?? sysId;
        return ConnectorResults.Succeeded(already ? $"ServiceNow incident {number} was already created for this action" : $"ServiceNow incident {number} created",
            response, sysId, details: new Dictionary<string, string> { ["number"] = number, ["sys_id"] = sysId });
    }

    private async Task<AuthenticationHeaderValue> AuthAsync(CancellationToken cancellationToken)
    {
        if (await Secrets.GetAsync(Name, "token", cancellationToken) is { } token)
        {
            return new AuthenticationHeaderValue("Bearer", token);
        }

        var user = Options.Require("Username");
        var password = await Secrets.RequireAsync(Name, "password", cancellationToken);
        return new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));
    }

    private static string CorrelationId(ConnectorCall call) =>
        call.IdempotencyKey.Contains('^', StringComparison.Ordinal) || call.IdempotencyKey.Length > 100
            ? throw new ConnectorInputException("the idempotency key cannot be used as a ServiceNow correlation id")
            : call.IdempotencyKey;

    private static string? StateName(string? state) => state switch
    {
        "1" => "New",
        "2" => "In Progress",
        "3" => "On Hold",
        "6" => "Resolved",
        "7" => "Closed",
        "8" => "Canceled",
        _ => state,
    };


    private static ConnectorResult Failed(ConnectorResponse response, string what) => response.ToFailure(what) with { Summary = $"{what} failed: {NowError(response)}" };

    /// <summary>ServiceNow errors: <c>{"error":{"message":…,"detail":…},"status":"failure"}</c>.</summary>
    private static string NowError(ConnectorResponse response)
    {
        try
        {
            var body = response.Json();
            if (body.ValueKind == JsonValueKind.Object && body.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
            {
                var detail = error.TryGetProperty("detail", out var d) ? d.GetString() : null;
                return $"HTTP {(int?)response.StatusCode} {error.GetProperty("message").GetString()}{(string.IsNullOrEmpty(detail) ? string.Empty : $" ({detail})")}";
            }
        }
        catch (JsonException)
        {
        }

        return response.Error ?? "unexpected answer";
    }
}
