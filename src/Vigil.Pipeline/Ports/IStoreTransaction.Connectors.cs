namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>Inserts or replaces the secret stored under its connector and name.</summary>
    Task SetConnectorSecretAsync(ConnectorSecretRecord secret, CancellationToken cancellationToken);

    Task<bool> DeleteConnectorSecretAsync(string connector, string name, CancellationToken cancellationToken);

    /// <summary>Adds one key element to the Data Protection key ring (keys are never changed or removed here).</summary>
    Task InsertDataProtectionKeyAsync(string name, string xml, DateTimeOffset at, CancellationToken cancellationToken);

    /// <summary>Inserts the entry or, when the same kind and value is listed, replaces it (a later expiry, a new reason).</summary>
    Task UpsertBlocklistEntryAsync(BlocklistEntry entry, CancellationToken cancellationToken);

    Task<bool> RemoveBlocklistEntryAsync(BlocklistKind kind, string value, CancellationToken cancellationToken);
}
