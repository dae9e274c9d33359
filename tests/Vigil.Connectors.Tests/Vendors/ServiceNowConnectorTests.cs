using System.Text;
using System.Text.Json;
using Vigil.Connectors.Tests.Support;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

public sealed class ServiceNowConnectorTests : IAsyncLifetime
{
    private const string SysId = "9d385017c611228701d22104cc95c371";
    private LoopbackVendor _now = null!;
    private ConnectorHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _now = await LoopbackVendor.StartAsync();
        _harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("servicenow", _now, ("Username", "vigil.integration"), ("AssignmentGroup", "287ebd7da9fe198100f92cc8d1d2154e")));
        await _harness.Secrets.SetAsync("servicenow", "password", "now-password-TEST", ConnectorHarness.Operator, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _now.DisposeAsync();
    }

    [Fact]
    public async Task Create_QueriesCorrelationIdThenPostsIncident()
    {
        _now.On("GET /api/now/table/incident", RecordedResponse.File(200, "servicenow/search-none.json"));
        _now.On("POST /api/now/table/incident", RecordedResponse.File(201, "servicenow/created.json"));

        var result = await _harness.Connector("servicenow").ExecuteAsync(Calls.For("ticket.create", ("summary", "Phishing: invoice.zip"), ("description", "Reported by 3 users")), Ct);

        Assert.Equal((ConnectorOutcome.Succeeded, "ServiceNow incident INC0010042 created", SysId), (result.Outcome, result.Summary, result.ExternalReference));
        Assert.Equal("INC0010042", result.Details["number"]);
        var search = _now.Single("GET", "/api/now/table/incident");
        Assert.Equal("/api/now/table/incident?sysparm_query=correlation_id%3Dact_1%2Fattempt-key&sysparm_fields=sys_id,number,state,close_code&sysparm_limit=1", search.PathAndQuery);
        var create = _now.Single("POST", "/api/now/table/incident");
        Assert.Equal("Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes("vigil.integration:now-password-TEST")), create.Header("Authorization"));
        using var body = JsonDocument.Parse(create.Body);
        Assert.Equal("Phishing: invoice.zip", body.RootElement.GetProperty("short_description").GetString());
        Assert.Equal("Reported by 3 users\n\nOpened by Vigil act_1 (case case_1).", body.RootElement.GetProperty("description").GetString());
        Assert.Equal("act_1/attempt-key", body.RootElement.GetProperty("correlation_id").GetString());
        Assert.Equal("287ebd7da9fe198100f92cc8d1d2154e", body.RootElement.GetProperty("assignment_group").GetString());
        Assert.Equal(("2", "2"), (body.RootElement.GetProperty("urgency").GetString(), body.RootElement.GetProperty("impact").GetString()));
    }

    [Fact]
    public async Task Create_Retried_FindsTheIncidentByCorrelationId()
    {
        _now.On("GET /api/now/table/incident", RecordedResponse.File(200, "servicenow/search-found.json"));

        var result = await _harness.Connector("servicenow").ExecuteAsync(Calls.For("ticket.create", ("summary", "Phishing")), Ct);

        Assert.Equal("ServiceNow incident INC0010042 was already created for this action", result.Summary);
        Assert.DoesNotContain(_now.Received, r => r.Method == "POST");
    }

    [Fact]
    public async Task Update_Resolve_PatchesStateWithCloseCodeAndNotes()
    {
        _now.On($"PATCH /api/now/table/incident/{SysId}", RecordedResponse.File(200, "servicenow/resolved.json"));

        var result = await _harness.Connector("servicenow").ExecuteAsync(Calls.For("ticket.update", ("ticket", SysId), ("status", "resolved"), ("comment", "Contained and cleaned.")), Ct);

        Assert.Equal((ConnectorOutcome.Succeeded, "ServiceNow incident INC0010042 updated"), (result.Outcome, result.Summary));
        Assert.Equal("{\"work_notes\":\"Contained and cleaned.\",\"state\":\"6\",\"close_code\":\"Solved (Permanently)\",\"close_notes\":\"Contained and cleaned.\"}",
            _now.Single("PATCH", "/api/now/table/incident/").Body);
    }

    [Fact]
    public async Task ReadBack_ResolvedIncident_IsResolved_AndMissingOneFails()
    {
        _now.On($"GET /api/now/table/incident/{SysId}", RecordedResponse.File(200, "servicenow/resolved.json"));
        _now.On("GET /api/now/table/incident/0000", RecordedResponse.File(404, "servicenow/not-found.json"));
        var reader = _harness.Get<IEnumerable<ITicketStatusReader>>().Single(r => r.Name == "servicenow");

        var resolved = await reader.GetTicketStatusAsync(SysId, Ct);
        var missing = await reader.GetTicketStatusAsync("0000", Ct);

        Assert.Equal(new TicketStatus { Reference = SysId, Key = "INC0010042", Outcome = ConnectorOutcome.Succeeded, State = TicketState.Resolved, Status = "Resolved", Resolution = "Solved (Permanently)" }, resolved);
        Assert.Equal((ConnectorOutcome.Failed, "HTTP 404 No Record found (Record doesn't exist or ACL restricts the record retrieval)"), (missing.Outcome, missing.Error));
    }
}
