namespace Vigil.Pipeline.Evidence;

/// <summary>
/// An artefact as a package lists it: metadata and SHA-256, never the content (possibly malware; fetched separately
/// and checked against this hash). <see cref="CollectedSeq"/> is the ledger entry that recorded its collection.
/// </summary>
public sealed record PackageArtefact(
    string Id, string Sha256, long Size, string Name, string? Description, string CollectedBy, DateTimeOffset CollectedAt,
    string CollectedFrom, DateTimeOffset? DisposedAt, long? CollectedSeq, int Accesses);
