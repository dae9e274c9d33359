using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Domain.Evidence;

namespace Vigil.Pipeline.Evidence;

/// <summary>
/// The file format: <c>{"package":PACKAGE,"signature":{...}}</c> and a newline, where PACKAGE is signed byte for byte.
/// The envelope is canonical: a verifier rebuilds it from the parsed parts and requires the file to equal it, so no
/// byte anywhere in the file can change without failing verification (not even whitespace or a base64 padding bit).
/// </summary>
public static class SignedPackage
{
    public const string Algorithm = "ECDSA_P256_SHA256";

    private static readonly byte[] Prefix = "{\"package\":"u8.ToArray();
    private static readonly byte[] Middle = ",\"signature\":"u8.ToArray();
    private static readonly byte[] Suffix = "}\n"u8.ToArray();

    public static byte[] Serialize(EvidencePackage package) => JsonSerializer.SerializeToUtf8Bytes(package, PackageJson.Options);

    public static byte[] Sign(ReadOnlySpan<byte> content, SigningKey key)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportPkcs8PrivateKey(Convert.FromBase64String(key.PrivateKey), out _);
        var value = ecdsa.SignData(content, HashAlgorithmName.SHA256);
        return Envelope(content, new PackageSignature(Algorithm, key.Id, key.PublicKey, Convert.ToBase64String(value)));
    }

    public static byte[] Envelope(ReadOnlySpan<byte> content, PackageSignature signature)
    {
        var buffer = new ArrayBufferWriter<byte>(content.Length + 512);
        buffer.Write(Prefix);
        buffer.Write(content);
        buffer.Write(Middle);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("algorithm", signature.Algorithm);
            writer.WriteString("key_id", signature.KeyId);
            writer.WriteString("public_key", signature.PublicKey);
            writer.WriteString("value", signature.Value);
            writer.WriteEndObject();
        }

        buffer.Write(Suffix);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>The key id: the first 16 bytes of SHA-256 over the SubjectPublicKeyInfo, hex.</summary>
    public static string KeyId(string publicKeyBase64) =>
        Convert.ToHexStringLower(SHA256.HashData(Convert.FromBase64String(publicKeyBase64)).AsSpan(0, 16));

    /// <summary>SHA-256 of a whole package file, hex: what the export ledger entry and reports name it by.</summary>
    public static string Digest(ReadOnlySpan<byte> file) => Convert.ToHexStringLower(SHA256.HashData(file));

    /// <summary>The public key as PEM, for <c>vigil export key</c>.</summary>
    public static string PublicKeyPem(string publicKeyBase64)
    {
        var text = new StringBuilder("-----BEGIN PUBLIC KEY-----\n");
        var base64 = publicKeyBase64;
        for (var i = 0; i < base64.Length; i += 64)
        {
            text.Append(base64.AsSpan(i, Math.Min(64, base64.Length - i))).Append('\n');
        }

        return text.Append("-----END PUBLIC KEY-----\n").ToString();
    }
}
