using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.DataProtection;
using Vigil.Connectors.Http;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Connectors.Secrets;

/// <summary>
/// Connector secrets (API tokens, client secrets, webhook URLs), encrypted with ASP.NET Data Protection before they
/// reach the store. Each value is protected under a purpose naming its connector and secret, so a ciphertext copied
/// into another row does not decrypt. Setting or deleting one is a ledger entry that names it, never its value.
/// </summary>
public sealed partial class ConnectorSecrets(IVigilStore store, IDataProtectionProvider protection, TimeProvider time)
{
    private const string Purpose = "Vigil.Connectors.Secret.v1";

    public async Task<string?> GetAsync(string connector, string name, CancellationToken cancellationToken)
    {
        var record = await store.GetConnectorSecretAsync(connector, name, cancellationToken);
        if (record is null)
        {
            return null;
        }

        try
        {
            return Protector(connector, name).Unprotect(record.ProtectedValue);
        }
        catch (CryptographicException)
        {
            // The message of Data Protection's exception is safe, but say what to do instead.
            throw new ConnectorConfigurationException($"secret {connector}/{name} cannot be decrypted (key ring or key encryption key changed?); set it again");
        }
    }

    public async Task<string> RequireAsync(string connector, string name, CancellationToken cancellationToken) =>
        await GetAsync(connector, name, cancellationToken)
        ?? throw new ConnectorConfigurationException($"secret {connector}/{name} is not set (vigil connectors set-secret {connector} {name})");

    public async Task SetAsync(string connector, string name, string value, Actor actor, CancellationToken cancellationToken)
    {
        Validate(connector, name);
        ArgumentException.ThrowIfNullOrEmpty(value);
        // Protect before the transaction: the first protect creates the key ring, which is stored in a transaction of
        // its own, and SQLite's single writer would wait on ours.
        var protectedValue = Protector(connector, name).Protect(value);
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.SetConnectorSecretAsync(new ConnectorSecretRecord
        {
            Connector = connector,
            Name = name,
            ProtectedValue = protectedValue,
            UpdatedAt = now,
            UpdatedBy = actor.ToString(),
        }, cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, ConnectorLedgerKinds.SecretSet, actor, now, LedgerPayload.From(new { connector, name }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> DeleteAsync(string connector, string name, Actor actor, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (!await transaction.DeleteConnectorSecretAsync(connector, name, cancellationToken))
        {
            return false;
        }

        await transaction.AppendLedgerAsync(LedgerChains.System, ConnectorLedgerKinds.SecretDeleted, actor, time.GetUtcNow(), LedgerPayload.From(new { connector, name }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    /// <summary>Which secrets are set, and when, by whom (no values).</summary>
    public Task<IReadOnlyList<ConnectorSecretRecord>> ListAsync(CancellationToken cancellationToken) => store.ListConnectorSecretsAsync(cancellationToken);

    private IDataProtector Protector(string connector, string name) => protection.CreateProtector(Purpose, connector, name);

    private static void Validate(string connector, string name)
    {
        if (!SlotName().IsMatch(connector) || !SlotName().IsMatch(name))
        {
            throw new ArgumentException("connector and secret names are lower-case letters, digits, '.', '_' or '-' (at most 64)");
        }
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$")]
    private static partial Regex SlotName();
}
