namespace Vigil.Domain.Evidence;

/// <summary>
/// A key that signs what Vigil hands out (evidence packages). <see cref="PublicKey"/> is the SubjectPublicKeyInfo and
/// <see cref="PrivateKey"/> the PKCS#8 document, both base64; <see cref="Id"/> is derived from the public key.
/// </summary>
public sealed record SigningKey
{
    public required string Id { get; init; }

    public required string Purpose { get; init; }

    public required string Algorithm { get; init; }

    public required string PublicKey { get; init; }

    public required string PrivateKey { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
