using System.Security.Cryptography;
using System.Text;

namespace Vigil.Domain.Alerts;

/// <summary>Computes dedup identities. SHA-256 so that a collision cannot be engineered by a hostile source.</summary>
public static class AlertFingerprint
{
    public static string Compute(string source, string sourceRef) => Hash(string.Concat(source, "\n", sourceRef));

    /// <summary>Fingerprint over chosen field values, for sources whose own ids change on every repeat.</summary>
    public static string Compute(string source, IEnumerable<string?> fieldValues) =>
        Hash(string.Concat(source, "\n", string.Join('\u001f', fieldValues.Select(v => v ?? string.Empty))));

    /// <summary>A stable reference for payloads that carry no vendor id: the same bytes are the same alert.</summary>
    public static string PayloadRef(string rawPayload) => string.Concat("sha256:", Hash(rawPayload));

    private static string Hash(string text)
    {
        Span<byte> digest = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(text), digest);
        return Convert.ToHexStringLower(digest);
    }
}
