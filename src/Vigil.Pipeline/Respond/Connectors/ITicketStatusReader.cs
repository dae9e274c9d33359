namespace Vigil.Pipeline.Respond.Connectors;

/// <summary>
/// A ticketing connector that can read a ticket's status back (Jira, ServiceNow), so that closing a case can be
/// reconciled with the ticket it opened. Implemented by the same class as its <see cref="IActionConnector"/>.
/// </summary>
public interface ITicketStatusReader
{
    /// <summary>The connector name, as <see cref="IActionConnector.Name"/>.</summary>
    string Name { get; }

    Task<TicketStatus> GetTicketStatusAsync(string reference, CancellationToken cancellationToken);
}
