namespace Vigil.Pipeline.Respond.Connectors;

/// <summary>Where a ticket stands, across vendors (Jira status categories, ServiceNow incident states).</summary>
public enum TicketState
{
    Unknown,
    Open,
    InProgress,
    /// <summary>Resolved, closed, done or cancelled on the vendor side: the case may close.</summary>
    Resolved,
}
