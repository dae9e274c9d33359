using System.Text.Json;
using Vigil.Connectors.Tests.Support;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

/// <summary>Slack and Teams incoming webhooks: the URL is the credential, and alert text must stay inert.</summary>
public sealed class WebhookConnectorTests : IAsyncLifetime
{
    private const string SlackPath = "/services/T00000000/B00000000/XXXXsecretXXXXXXXXXXXXXX";
    private const string TeamsPath = "/webhookb2/2a1c0b7e-secret@9f8e/IncomingWebhook/77aa/secret-guid";
    private LoopbackVendor _hooks = null!;
    private ConnectorHarness _harness = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _hooks = await LoopbackVendor.StartAsync();
        var configuration = ConnectorHarness.For("slack", _hooks);
        foreach (var (key, value) in ConnectorHarness.For("teams", _hooks))
        {
            configuration[key] = value;
        }

        _harness = await ConnectorHarness.StartAsync(configuration);
        await _harness.Secrets.SetAsync("slack", "webhook_url", new Uri(_hooks.BaseUrl, SlackPath).ToString(), ConnectorHarness.Operator, Ct);
        await _harness.Secrets.SetAsync("teams", "webhook_url", new Uri(_hooks.BaseUrl, TeamsPath).ToString(), ConnectorHarness.Operator, Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _hooks.DisposeAsync();
    }

    [Fact]
    public async Task Slack_Send_PostsBlocksWithAlertTextEscaped()
    {
        _hooks.On($"POST {SlackPath}", new RecordedResponse(200, "ok", new Dictionary<string, string> { ["Content-Type"] = "text/plain" }));

        var result = await _harness.Connector("slack").ExecuteAsync(Calls.For("notify.send", ("message", "<!channel> click <https://evil.example|here> & pay"), ("title", "Case 7")), Ct);

        Assert.Equal((ConnectorOutcome.Succeeded, "Slack message posted"), (result.Outcome, result.Summary));
        var sent = _hooks.Single("POST", SlackPath);
        using var body = JsonDocument.Parse(sent.Body);
        var blocks = body.RootElement.GetProperty("blocks");
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("Case 7", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("&lt;!channel&gt; click &lt;https://evil.example|here&gt; &amp; pay", blocks[1].GetProperty("text").GetProperty("text").GetString());
        Assert.Equal("Case 7: &lt;!channel&gt; click &lt;https://evil.example|here&gt; &amp; pay", body.RootElement.GetProperty("text").GetString());
        Assert.DoesNotContain("secret", _harness.Logs.AllText, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", result.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Slack_ArchivedChannel_FailsWithSlacksCode()
    {
        _hooks.On($"POST {SlackPath}", new RecordedResponse(410, "channel_is_archived", new Dictionary<string, string> { ["Content-Type"] = "text/plain" }));

        var result = await _harness.Connector("slack").ExecuteAsync(Calls.For("notify.send", ("message", "hi")), Ct);

        Assert.Equal((ConnectorOutcome.Failed, "posting to Slack failed: HTTP 410 channel_is_archived"), (result.Outcome, result.Summary));
    }

    [Fact]
    public async Task Slack_Simulate_HidesTheWebhookPath()
    {
        var result = await _harness.Connector("slack").ExecuteAsync(Calls.For("notify.send", ("message", "hi")) with { Simulate = true }, Ct);

        Assert.Equal($"simulated, nothing sent: would POST http://127.0.0.1:{_hooks.BaseUrl.Port}/(secret path)", result.Summary);
        Assert.DoesNotContain("secret", string.Join(" ", result.Details.Values).Replace("(secret path)", string.Empty, StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Empty(_hooks.Received);
    }

    [Fact]
    public async Task Teams_Send_PostsAdaptiveCardWithPlainTextRuns()
    {
        _hooks.On($"POST {TeamsPath}", new RecordedResponse(200, "1", new Dictionary<string, string> { ["Content-Type"] = "text/plain" }));

        var result = await _harness.Connector("teams").ExecuteAsync(Calls.For("notify.send", ("message", "**urgent** [pay here](https://evil.example)"), ("title", "Case 7")), Ct);

        Assert.Equal(ConnectorOutcome.Succeeded, result.Outcome);
        using var body = JsonDocument.Parse(_hooks.Single("POST", "/webhookb2/").Body);
        Assert.Equal("message", body.RootElement.GetProperty("type").GetString());
        var attachment = body.RootElement.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", attachment.GetProperty("contentType").GetString());
        var card = attachment.GetProperty("content");
        Assert.Equal(("AdaptiveCard", "1.4"), (card.GetProperty("type").GetString(), card.GetProperty("version").GetString()));
        var runs = card.GetProperty("body").EnumerateArray().Select(b => b.GetProperty("inlines")[0]).ToArray();
        Assert.All(runs, run => Assert.Equal("TextRun", run.GetProperty("type").GetString()));
        Assert.Equal(["Case 7", "**urgent** [pay here](https://evil.example)", "Sent by Vigil act_1 (case case_1)"], runs.Select(r => r.GetProperty("text").GetString()));
    }

    [Fact]
    public async Task Teams_Throttled_IsTransient()
    {
        _hooks.On($"POST {TeamsPath}", new RecordedResponse(429, "Microsoft Teams endpoint returned HTTP error 429 with ContextId tcid=0,server=msgapi", new Dictionary<string, string> { ["Retry-After"] = "2" }));

        var result = await _harness.Connector("teams").ExecuteAsync(Calls.For("notify.send", ("message", "hi")), Ct);

        Assert.Equal((ConnectorOutcome.Transient, TimeSpan.FromSeconds(2)), (result.Outcome, result.RetryAfter));
    }
}
