namespace Vigil.Domain.Evidence;

/// <summary>
/// What retention removed: the kind and id of the payload, the SHA-256 and size of the bytes that were removed, and the
/// policy rule that removed them. The case's ledger records the same facts, so the removal is never silent.
/// </summary>
public sealed record Tombstone
{
    public required string Id { get; init; }

    public required string RunId { get; init; }

    public required string CaseId { get; init; }

    /// <summary><c>alert_payload</c> or <c>artefact</c> (<see cref="RetentionDataKinds"/>).</summary>
    public required string Kind { get; init; }

    public required string RefId { get; init; }

    public required string Sha256 { get; init; }

    public required long Size { get; init; }

    /// <summary>The policy rule, e.g. <c>false_positive.artefacts=30d</c>.</summary>
    public required string Rule { get; init; }

    public required DateTimeOffset DisposedAt { get; init; }
}
