namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    Task<ConnectorSecretRecord?> GetConnectorSecretAsync(string connector, string name, CancellationToken cancellationToken);

    /// <summary>Every stored secret (ciphertext only), ordered by connector and name.</summary>
    Task<IReadOnlyList<ConnectorSecretRecord>> ListConnectorSecretsAsync(CancellationToken cancellationToken);

    /// <summary>The Data Protection key ring's XML elements, oldest first.</summary>
    Task<IReadOnlyList<string>> ListDataProtectionKeysAsync(CancellationToken cancellationToken);

    Task<BlocklistEntry?> GetBlocklistEntryAsync(BlocklistKind kind, string value, CancellationToken cancellationToken);

    /// <summary>The entries of one list that have not expired at <paramref name="now"/>, ordered by value.</summary>
    Task<IReadOnlyList<BlocklistEntry>> ListBlocklistAsync(BlocklistKind kind, DateTimeOffset now, CancellationToken cancellationToken);
}
