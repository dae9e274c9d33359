using System.Security.Cryptography;
using System.Text;
using Vigil.Domain;
using Vigil.Domain.Access;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Access;

/// <summary>
/// Issues and checks API keys of the form <c>vgl_&lt;key id&gt;_&lt;secret&gt;</c>. The id part finds the row in one
/// indexed read; the secret is compared as a SHA-256 in constant time. Every creation and revocation is a ledger entry.
/// </summary>
public sealed class ApiKeyService(IVigilStore store, TimeProvider time)
{
    private const string Prefix = "vgl_";

    public async Task<CreatedApiKey> CreateAsync(string name, IReadOnlyList<string> scopes, string? source, Actor createdBy, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            throw new ArgumentException("an API key needs a name", nameof(name));
        }

        var unknown = scopes.Where(s => !Permissions.IsKnown(s)).ToArray();
        if (unknown.Length > 0 || scopes.Count == 0)
        {
            throw new ArgumentException(
                scopes.Count == 0
                    ? "an API key needs at least one scope"
                    : $"unknown scope(s) {string.Join(", ", unknown)}; known: {string.Join(", ", Permissions.Catalogue)} or *",
                nameof(scopes));
        }

        var now = time.GetUtcNow();
        var id = Ids.New(Ids.ApiKey, now);
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        var record = new ApiKeyRecord
        {
            Id = id,
            Name = name.Trim(),
            Scopes = scopes.Distinct(StringComparer.Ordinal).ToArray(),
            SecretHash = HashSecret(secret),
            CreatedAt = now,
            CreatedBy = createdBy.ToString(),
            Source = source,
        };
        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.InsertApiKeyAsync(record, cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.ApiKeyCreated, createdBy, now,
            LedgerPayload.From(new { key_id = id, name = record.Name, scopes = record.Scopes, source }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new CreatedApiKey(record, string.Concat(Prefix, id.AsSpan(Ids.ApiKey.Length + 1), "_", secret));
    }

    /// <summary>The active key a presented token belongs to, or null: malformed, unknown, revoked and wrong all look alike.</summary>
    public async Task<ApiKeyRecord?> AuthenticateAsync(string presented, CancellationToken cancellationToken)
    {
        if (!TrySplit(presented, out var id, out var secret))
        {
            return null;
        }

        var record = await store.GetApiKeyAsync(id, cancellationToken);
        if (record is null || !record.IsActive)
        {
            return null;
        }

        var expected = Encoding.ASCII.GetBytes(record.SecretHash);
        var actual = Encoding.ASCII.GetBytes(HashSecret(secret));
        return CryptographicOperations.FixedTimeEquals(expected, actual) ? record : null;
    }

    public async Task<bool> RevokeAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (!await transaction.RevokeApiKeyAsync(id, now, cancellationToken))
        {
            return false;
        }

        await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.ApiKeyRevoked, actor, now, LedgerPayload.From(new { key_id = id }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static bool TrySplit(string presented, out string id, out string secret)
    {
        id = secret = string.Empty;
        // vgl_ + 32 hex + _ + 43 base64url characters.
        if (presented.Length != Prefix.Length + 32 + 1 + 43 || !presented.StartsWith(Prefix, StringComparison.Ordinal) || presented[Prefix.Length + 32] != '_')
        {
            return false;
        }

        id = string.Concat(Ids.ApiKey, "_", presented.AsSpan(Prefix.Length, 32));
        secret = presented[(Prefix.Length + 33)..];
        return true;
    }

    private static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
