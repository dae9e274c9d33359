using Vigil.Connectors.Http;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors;

internal static class ConnectorResults
{
    public static ConnectorResult Failed(string summary) => new() { Outcome = ConnectorOutcome.Failed, Summary = summary };

    public static ConnectorResult Succeeded(string summary, ConnectorResponse response, string? reference = null, string? rollbackToken = null,
        IReadOnlyDictionary<string, string>? details = null) => new()
    {
        Outcome = ConnectorOutcome.Succeeded,
        Summary = summary,
        ExternalReference = reference,
        RollbackToken = rollbackToken,
        StatusCode = response.StatusCode is { } status ? (int)status : null,
        Details = details ?? new Dictionary<string, string>(),
    };

    /// <summary>A dry run: nothing was sent; the summary and details say exactly what would have been (without credentials).</summary>
    public static ConnectorResult Simulated(IReadOnlyList<OutboundRequest> requests)
    {
        var details = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < requests.Count; i++)
        {
            details[$"request_{i + 1}"] = requests[i].Describe();
        }

        return new ConnectorResult
        {
            Outcome = ConnectorOutcome.Succeeded,
            Summary = "simulated, nothing sent: would " + string.Join(", then ", requests.Select(r => $"{r.Method.Method} {r.DescribeUrl()}")),
            Details = details,
        };
    }
}
