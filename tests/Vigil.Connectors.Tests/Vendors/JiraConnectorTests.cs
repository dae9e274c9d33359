using System.Text;
using System.Text.Json;
using Vigil.Connectors.Tests.Support;
using Vigil.Connectors.Vendors.Jira;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

public sealed class JiraConnectorTests : IAsyncLifetime
{
    private const string Token = "ATATT3xFfGF0jira-TEST-token-value";
    private LoopbackVendor _jira = null!;
    private ConnectorHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static string Basic => "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"soc-bot@acme.example:{Token}"));

    public async ValueTask InitializeAsync()
    {
        _jira = await LoopbackVendor.StartAsync();
        _harness = await ConnectorHarness.StartAsync(ConnectorHarness.For("jira", _jira, ("Email", "soc-bot@acme.example"), ("ProjectKey", "SEC")));
        await _harness.Secrets.SetAsync("jira", "api_token", Token, ConnectorHarness.Operator, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _jira.DisposeAsync();
    }

    [Fact]
    public async Task Create_NoEarlierIssue_PostsIssueWithAdfDescriptionAndIdempotencyLabel()
    {
        _jira.On("GET /rest/api/3/search/jql", RecordedResponse.File(200, "jira/search-none.json"));
        _jira.On("POST /rest/api/3/issue", RecordedResponse.File(201, "jira/created.json"));
        var call = Calls.For("ticket.create", ("summary", "Malware on WS-12\r\nsecond line"), ("description", "<script>alert(1)</script>\nline two"));

        var result = await _harness.Connector("jira").ExecuteAsync(call, Ct);

        Assert.Equal((ConnectorOutcome.Succeeded, "Jira issue SEC-42 created", "SEC-42"), (result.Outcome, result.Summary, result.ExternalReference));
        var label = JiraConnector.IdempotencyLabel(call);
        Assert.Equal($"labels = \"{label}\"", Uri.UnescapeDataString(_jira.Single("GET", "/rest/api/3/search/jql").PathAndQuery.Split("jql=")[1].Split('&')[0]));
        var create = _jira.Single("POST", "/rest/api/3/issue");
        Assert.Equal(Basic, create.Header("Authorization"));
        using var body = JsonDocument.Parse(create.Body);
        var fields = body.RootElement.GetProperty("fields");
        Assert.Equal("SEC", fields.GetProperty("project").GetProperty("key").GetString());
        Assert.Equal("Task", fields.GetProperty("issuetype").GetProperty("name").GetString());
        Assert.Equal("Malware on WS-12 second line", fields.GetProperty("summary").GetString());
        Assert.Equal(["vigil", label], fields.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        var paragraphs = fields.GetProperty("description").GetProperty("content").EnumerateArray().ToArray();
        Assert.Equal("doc", fields.GetProperty("description").GetProperty("type").GetString());
        Assert.Equal("<script>alert(1)</script>", paragraphs[0].GetProperty("content")[0].GetProperty("text").GetString());
        Assert.Equal("text", paragraphs[0].GetProperty("content")[0].GetProperty("type").GetString());
        Assert.Equal("Opened by Vigil act_1 (case case_1).", paragraphs[^1].GetProperty("content")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task Create_Retried_FindsTheIssueInsteadOfOpeningASecond()
    {
        _jira.On("GET /rest/api/3/search/jql", RecordedResponse.File(200, "jira/search-found.json"));

        var result = await _harness.Connector("jira").ExecuteAsync(Calls.For("ticket.create", ("summary", "Malware on WS-12")), Ct);

        Assert.Equal(("Jira issue SEC-42 was already created for this action", "SEC-42"), (result.Summary, result.ExternalReference));
        Assert.DoesNotContain(_jira.Received, r => r.Method == "POST");
    }

    [Fact]
    public async Task Create_BadProject_FailsWithJiraFieldError()
    {
        _jira.On("GET /rest/api/3/search/jql", RecordedResponse.File(200, "jira/search-none.json"));
        _jira.On("POST /rest/api/3/issue", RecordedResponse.File(400, "jira/bad-request.json"));

        var result = await _harness.Connector("jira").ExecuteAsync(Calls.For("ticket.create", ("summary", "x")), Ct);

        Assert.Equal((ConnectorOutcome.Failed, "creating the Jira issue failed: HTTP 400 project: Specify a valid project ID or key"), (result.Outcome, result.Summary));
    }

    [Fact]
    public async Task Update_CommentAndStatus_CommentsThenTakesTheTransitionToThatStatus()
    {
        _jira.On("POST /rest/api/3/issue/SEC-42/comment", RecordedResponse.File(201, "jira/comment.json"));
        _jira.On("GET /rest/api/3/issue/SEC-42/transitions", RecordedResponse.File(200, "jira/transitions.json"));
        _jira.On("POST /rest/api/3/issue/SEC-42/transitions", new RecordedResponse(204));

        var result = await _harness.Connector("jira").ExecuteAsync(Calls.For("ticket.update", ("ticket", "SEC-42"), ("comment", "Host contained."), ("status", "done")), Ct);

        Assert.Equal((ConnectorOutcome.Succeeded, "Jira issue SEC-42: comment added, moved to Done"), (result.Outcome, result.Summary));
        Assert.Equal("{\"body\":{\"type\":\"doc\",\"version\":1,\"content\":[{\"type\":\"paragraph\",\"content\":[{\"type\":\"text\",\"text\":\"Host contained.\"}]}]}}",
            _jira.Single("POST", "/rest/api/3/issue/SEC-42/comment").Body);
        Assert.Equal("{\"transition\":{\"id\":\"31\"}}", _jira.Single("POST", "/rest/api/3/issue/SEC-42/transitions").Body);
    }

    [Fact]
    public async Task Update_UnknownStatus_FailsNamingTheAvailableOnes()
    {
        _jira.On("GET /rest/api/3/issue/SEC-42/transitions", RecordedResponse.File(200, "jira/transitions.json"));

        var result = await _harness.Connector("jira").ExecuteAsync(Calls.For("ticket.update", ("ticket", "SEC-42"), ("status", "Won't fix")), Ct);

        Assert.Equal((ConnectorOutcome.Failed, "Jira issue SEC-42 has no transition to 'Won't fix' (available: To Do, Done)"), (result.Outcome, result.Summary));
    }

    [Fact]
    public async Task ReadBack_DoneIssue_IsResolvedWithResolution()
    {
        _jira.On("GET /rest/api/3/issue/SEC-42", RecordedResponse.File(200, "jira/issue-done.json"));
        var reader = _harness.Get<IEnumerable<ITicketStatusReader>>().Single(r => r.Name == "jira");

        var status = await reader.GetTicketStatusAsync("SEC-42", Ct);

        Assert.Equal(new TicketStatus { Reference = "SEC-42", Key = "SEC-42", Outcome = ConnectorOutcome.Succeeded, State = TicketState.Resolved, Status = "Done", Resolution = "Done" }, status);
        Assert.Equal("/rest/api/3/issue/SEC-42?fields=status,resolution", _jira.Single("GET", "/rest/api/3/issue/").PathAndQuery);
    }
}
