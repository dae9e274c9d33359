namespace Vigil.Domain.Learn;

/// <summary>
/// A proposed change to a Sigma rule after a benign or false positive, with the replay that proves it. The
/// <see cref="Document"/> is the proposal (original and tuned rule, diff, proof) as JSON, stored and hashed verbatim.
/// </summary>
public sealed record TuningProposal
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public required string RuleId { get; init; }

    public required TuningStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? DecidedBy { get; init; }

    public required string Document { get; init; }
}
