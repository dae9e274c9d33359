namespace Vigil.Pipeline.Respond.Connectors;

public enum ConnectorOutcome
{
    /// <summary>The vendor confirmed the change (or, simulated, the request was valid).</summary>
    Succeeded,

    /// <summary>Worth retrying with back-off: timeouts, 429, 5xx.</summary>
    Transient,

    /// <summary>Will not succeed on retry: 4xx, bad input, unknown target. The playbook's failure path runs.</summary>
    Failed,
}
