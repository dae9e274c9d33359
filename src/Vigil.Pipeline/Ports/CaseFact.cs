using Vigil.Domain;
using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Ports;

/// <summary>The times and outcome of one case, for the metrics page: no title, alerts or text.</summary>
public sealed record CaseFact
{
    public required string Id { get; init; }

    public required Severity Severity { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset SlaDueAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public Classification? Classification { get; init; }

    /// <summary>The first <c>case.assigned</c> ledger entry: when a person took the case (time to acknowledge).</summary>
    public DateTimeOffset? FirstAssignedAt { get; init; }
}
