using System.Net;
using System.Text.Json;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Http;

/// <summary>What came back from a vendor (or why nothing did), already classified for retry.</summary>
public sealed record ConnectorResponse
{
    public required ConnectorOutcome Outcome { get; init; }

    public HttpStatusCode? StatusCode { get; init; }

    /// <summary>The response body (bounded by <see cref="ConnectorClient.MaxResponseBytes"/>), empty when there was none.</summary>
    public string Body { get; init; } = string.Empty;

    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Why the call failed, for people: status and the vendor's error text, or the transport error. Never a secret.</summary>
    public string? Error { get; init; }

    public TimeSpan Latency { get; init; }

    public bool IsSuccess => Outcome == ConnectorOutcome.Succeeded;

    public JsonElement Json()
    {
        using var document = JsonDocument.Parse(Body.Length == 0 ? "null" : Body);
        return document.RootElement.Clone();
    }

    public string? Header(string name) => Headers.TryGetValue(name, out var value) ? value : null;

    /// <summary>The failure as a connector result: <paramref name="what"/> says what was attempted.</summary>
    public ConnectorResult ToFailure(string what) => new()
    {
        Outcome = Outcome == ConnectorOutcome.Succeeded ? ConnectorOutcome.Failed : Outcome,
        Summary = $"{what} failed: {Error ?? "unexpected answer"}",
        StatusCode = StatusCode is { } code ? (int)code : null,
        RetryAfter = RetryAfter,
    };
}
