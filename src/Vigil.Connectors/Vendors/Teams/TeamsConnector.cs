using System.Text.Json.Nodes;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors.Teams;

/// <summary>
/// Microsoft Teams incoming webhook (or a Workflows "post to a channel when a webhook request is received" URL):
/// notify.send posts a message with one Adaptive Card attachment. Alert text goes into <c>TextRun</c> elements of a
/// <c>RichTextBlock</c>, which Teams renders as plain text (no markdown, no links), so alert content stays inert.
/// The webhook URL is the credential: secret <c>teams/webhook_url</c>. Teams answers 200 (<c>1</c>) or 202.
/// </summary>
public sealed class TeamsConnector(ConnectorClients clients, ConnectorSecrets secrets) : HttpActionConnector(clients, secrets)
{
    public override string Name => "teams";

    public override IReadOnlyList<string> ActionTypes { get; } = ["notify.send"];

    protected override async Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var response = await Client.SendAsync(await BuildAsync(call, cancellationToken), cancellationToken);
        return response.IsSuccess
            ? ConnectorResults.Succeeded("Teams message posted", response)
            : response.ToFailure("posting to Teams");
    }

    protected override async Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken) =>
        [await BuildAsync(call, cancellationToken)];

    private async Task<OutboundRequest> BuildAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        var url = new Uri(await Secrets.RequireAsync(Name, "webhook_url", cancellationToken));
        var title = VendorText.OneLine(call.Optional("title") ?? $"Vigil case {call.CaseId}", 150);
        var card = new JsonObject
        {
            ["$schema"] = "http://adaptivecards.io/schemas/adaptive-card.json",
            ["type"] = "AdaptiveCard",
            ["version"] = "1.4",
            ["body"] = new JsonArray(
                Text(title, weight: "Bolder", size: "Medium"),
                Text(call.Require("message")),
                Text($"Sent by {call.Attribution()}", subtle: true)),
        };
        var message = new JsonObject
        {
            ["type"] = "message",
            ["attachments"] = new JsonArray(new JsonObject
            {
                ["contentType"] = "application/vnd.microsoft.card.adaptive",
                ["contentUrl"] = null,
                ["content"] = card,
            }),
        };
        return new OutboundRequest { Method = HttpMethod.Post, Url = url, Body = message.ToJsonString(), UrlIsSecret = true };
    }

    private static JsonObject Text(string text, string? weight = null, string? size = null, bool subtle = false)
    {
        var run = new JsonObject { ["type"] = "TextRun", ["text"] = text };
        if (weight is not null)
        {
            run["weight"] = weight;
        }

        if (size is not null)
        {
            run["size"] = size;
        }

        if (subtle)
        {
            run["isSubtle"] = true;
        }

        return new JsonObject { ["type"] = "RichTextBlock", ["inlines"] = new JsonArray(run) };
    }
}
