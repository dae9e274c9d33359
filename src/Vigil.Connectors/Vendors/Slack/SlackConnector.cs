using System.Text.Json.Nodes;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Slack;

/// <summary>
/// Slack incoming webhook: notify.send posts <c>{"text":…,"blocks":[header, section]}</c> to the webhook URL, which
/// is itself the credential (secret <c>slack/webhook_url</c>), so it is never logged or described. Message text is
/// escaped the way Slack asks (&amp;, &lt;, &gt;), so alert content cannot mention @channel or forge links.
/// Slack answers 200 <c>ok</c>, or an error code as text (invalid_payload, channel_is_archived, …).
/// </summary>
public sealed class SlackConnector(ConnectorClients clients, ConnectorSecrets secrets) : HttpActionConnector(clients, secrets)
{
    public override string Name => "slack";

    public override IReadOnlyList<string> ActionTypes { get; } = ["notify.send"];

    protected override async Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var response = await Client.SendAsync(await BuildAsync(call, cancellationToken), cancellationToken);
        return response.IsSuccess
            ? ConnectorResults.Succeeded("Slack message posted", response)
            : response.ToFailure("posting to Slack") with { Summary = $"posting to Slack failed: HTTP {(int?)response.StatusCode} {response.Body.Trim()}".TrimEnd() };
    }

    protected override async Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken) =>
        [await BuildAsync(call, cancellationToken)];

    private async Task<OutboundRequest> BuildAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var url = new Uri(await Secrets.RequireAsync(Name, "webhook_url", cancellationToken));
        var title = VendorText.OneLine(call.Optional("title") ?? $"Vigil case {call.CaseId}", 150);
        var message = Escape(call.Require("message"));
        var payload = new JsonObject
        {
            ["text"] = $"{Escape(title)}: {message}",
            ["blocks"] = new JsonArray(
                new JsonObject { ["type"] = "header", ["text"] = new JsonObject { ["type"] = "plain_text", ["text"] = title } },
                new JsonObject { ["type"] = "section", ["text"] = new JsonObject { ["type"] = "mrkdwn", ["text"] = message.Length <= 3000 ? message : message[..2999] + "…" } },
                new JsonObject { ["type"] = "context", ["elements"] = new JsonArray(new JsonObject { ["type"] = "mrkdwn", ["text"] = Escape($"Sent by {call.Attribution()}") }) }),
        };
        return new OutboundRequest { Method = HttpMethod.Post, Url = url, Body = payload.ToJsonString(), UrlIsSecret = true };
    }

    /// <summary>Slack's mrkdwn control characters (https://api.slack.com/reference/surfaces/formatting#escaping).</summary>
    internal static string Escape(string text) =>
        text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
