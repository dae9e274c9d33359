namespace Vigil.Pipeline.Respond.Connectors;

/// <summary>What a connector call did, for the action ledger: never contains a secret.</summary>
public sealed record ConnectorResult
{
    public required ConnectorOutcome Outcome { get; init; }

    /// <summary>One line for people: "host WS-12 contained (device 4f1…)".</summary>
    public required string Summary { get; init; }

    /// <summary>The vendor's id for what was created or changed (ticket key, device id, request id).</summary>
    public string? ExternalReference { get; init; }

    /// <summary>What the undo needs (see <see cref="ConnectorCall.RollbackToken"/>); null when there is nothing to undo.</summary>
    public string? RollbackToken { get; init; }

    /// <summary>HTTP status of the vendor's answer, when there was one.</summary>
    public int? StatusCode { get; init; }

    /// <summary>For <see cref="ConnectorOutcome.Transient"/>: when the vendor asked to be called again (Retry-After).</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>Selected response fields worth keeping as evidence (never the whole body, never secrets).</summary>
    public IReadOnlyDictionary<string, string> Details { get; init; } = new Dictionary<string, string>();
}
