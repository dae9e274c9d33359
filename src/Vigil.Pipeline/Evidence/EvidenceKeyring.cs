using System.Security.Cryptography;
using Vigil.Domain.Evidence;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence;

/// <summary>
/// The key evidence packages are signed with, kept in the store so that the server and the CLI on any node sign with
/// the same key. Created on first use; its creation and public key go to the system ledger chain.
/// </summary>
public sealed class EvidenceKeyring(IVigilStore store, TimeProvider time)
{
    public const string PackagePurpose = "evidence-package";

    public async Task<SigningKey> GetOrCreateAsync(CancellationToken cancellationToken)
    {
        if (await store.GetSigningKeyAsync(PackagePurpose, cancellationToken) is { } existing)
        {
            return existing;
        }

        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo());
        var key = new SigningKey
        {
            Id = SignedPackage.KeyId(publicKey),
            Purpose = PackagePurpose,
            Algorithm = SignedPackage.Algorithm,
            PublicKey = publicKey,
            PrivateKey = Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey()),
            CreatedAt = time.GetUtcNow(),
        };
        await using (var transaction = await store.BeginAsync(cancellationToken))
        {
            if (await transaction.InsertSigningKeyAsync(key, cancellationToken))
            {
                var payload = LedgerPayload.From(new { key_id = key.Id, purpose = key.Purpose, algorithm = key.Algorithm, public_key = key.PublicKey });
                await transaction.AppendLedgerAsync(LedgerChains.System, EvidenceKinds.SigningKeyCreated, Actor.System, key.CreatedAt, payload, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return key;
            }
        }

        // Another node or process created the key between our read and our insert: use theirs.
        return await store.GetSigningKeyAsync(PackagePurpose, cancellationToken)
            ?? throw new InvalidOperationException("the evidence signing key could neither be created nor read");
    }
}
