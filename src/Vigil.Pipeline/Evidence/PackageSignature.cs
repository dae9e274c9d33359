namespace Vigil.Pipeline.Evidence;

/// <summary>
/// The signature block of a package: ECDSA P-256 over SHA-256 of the exact package bytes, IEEE P1363 (r||s) in base64,
/// with the signer's SubjectPublicKeyInfo so anyone can check it, and a key id to pin it to a known key.
/// </summary>
public sealed record PackageSignature(string Algorithm, string KeyId, string PublicKey, string Value);
