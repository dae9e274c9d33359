namespace Vigil.Pipeline.Respond.Connectors;

/// <summary>A ticket's status as read back from its system, for reconciling case closure with the ticket.</summary>
public sealed record TicketStatus
{
    /// <summary>The reference <c>ticket.create</c> returned (<see cref="ConnectorResult.ExternalReference"/>).</summary>
    public required string Reference { get; init; }

    public required ConnectorOutcome Outcome { get; init; }

    public TicketState State { get; init; }

    /// <summary>The vendor's own status name ("In Review", "Resolved").</summary>
    public string? Status { get; init; }

    public string? Resolution { get; init; }

    /// <summary>The human-facing key (SEC-42, INC0010001).</summary>
    public string? Key { get; init; }

    /// <summary>Why the read failed, when <see cref="Outcome"/> is not succeeded.</summary>
    public string? Error { get; init; }
}
