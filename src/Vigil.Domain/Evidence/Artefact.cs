namespace Vigil.Domain.Evidence;

/// <summary>
/// A file attached to a case as evidence (a mail sample, a triage archive, a snapshot), stored content-addressed by
/// <see cref="Sha256"/>. Possibly malware: it is never rendered, only downloaded on explicit request, and every
/// collection and access is a ledger entry on the case's chain (the chain of custody).
/// </summary>
public sealed record Artefact
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    /// <summary>Lower-case hex SHA-256 of the content: the blob's key.</summary>
    public required string Sha256 { get; init; }

    /// <summary>The file name as given by whoever collected it (attacker-influenced: shown escaped, never used as a path).</summary>
    public required string Name { get; init; }

    public required long Size { get; init; }

    public string? Description { get; init; }

    /// <summary>Who or what collected it: <c>human:alice</c>, <c>automation:action/act_…</c>.</summary>
    public required string CollectedBy { get; init; }

    public required DateTimeOffset CollectedAt { get; init; }

    /// <summary>Where it was collected from: a host, mailbox, URL or path, as the collector states it.</summary>
    public required string CollectedFrom { get; init; }

    /// <summary>When retention disposed of the content (the record and its hash stay).</summary>
    public DateTimeOffset? DisposedAt { get; init; }
}
