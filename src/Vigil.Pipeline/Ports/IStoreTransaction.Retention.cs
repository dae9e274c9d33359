using Vigil.Domain.Evidence;

namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>Puts a case under legal hold; false when it already is (the first hold and its reason are kept).</summary>
    Task<bool> SetLegalHoldAsync(LegalHold hold, CancellationToken cancellationToken);

    /// <summary>Releases a case's legal hold; false when it had none.</summary>
    Task<bool> ReleaseLegalHoldAsync(string caseId, CancellationToken cancellationToken);

    Task<bool> IsOnLegalHoldAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Replaces an alert's raw payload with <paramref name="marker"/>; false when it already holds that marker.</summary>
    Task<bool> DisposeAlertPayloadAsync(string alertId, string marker, CancellationToken cancellationToken);

    /// <summary>
    /// Marks an artefact disposed of and drops its blob's content when no artefact still held needs it; false when the
    /// artefact was already disposed of.
    /// </summary>
    Task<bool> DisposeArtefactAsync(string artefactId, DateTimeOffset at, CancellationToken cancellationToken);

    Task InsertTombstoneAsync(Tombstone tombstone, CancellationToken cancellationToken);
}
