namespace Vigil.Connectors.Http;

/// <summary>How one connector has fared on this node since start (for <c>GET /api/v1/connectors</c>). Never holds a secret.</summary>
public sealed record ConnectorHealthView
{
    public required string Name { get; init; }

    public long Calls { get; init; }

    public long Successes { get; init; }

    /// <summary>Calls that failed for a reason worth retrying (timeouts, 429, 5xx).</summary>
    public long TransientFailures { get; init; }

    public long Failures { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public DateTimeOffset? LastFailureAt { get; init; }

    public string? LastError { get; init; }

    public double? LastLatencyMs { get; init; }

    /// <summary>Exponentially weighted mean latency (weight 0.2 for the newest call).</summary>
    public double? MeanLatencyMs { get; init; }
}
