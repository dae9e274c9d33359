namespace Vigil.Domain.Cases;

/// <summary>
/// Why an alert sits in a case. <see cref="OriginCaseId"/> is the case it first joined, which is what lets an
/// unmerge put every alert back where it came from.
/// </summary>
public sealed record CaseAlertLink
{
    public required string CaseId { get; init; }

    public required string AlertId { get; init; }

    public required string OriginCaseId { get; init; }

    public required DateTimeOffset JoinedAt { get; init; }

    public required string Reason { get; init; }
}
