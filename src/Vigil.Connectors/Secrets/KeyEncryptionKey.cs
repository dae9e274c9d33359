using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Vigil.Connectors.Http;
using Vigil.Pipeline.Ports;

namespace Vigil.Connectors.Secrets;

/// <summary>
/// The key that encrypts the Data Protection key ring at rest (AES-256). It lives apart from the store so that a
/// database dump or backup is not enough to read connector secrets: <c>Vigil:Connectors:KeyEncryptionKey</c>
/// (base64 of 32 random bytes; the same value on every node of a cluster), or, in Solo mode, the file
/// <c>&lt;data dir&gt;/keys/connectors.kek</c>, created on first use readable by its owner only.
/// </summary>
public sealed class KeyEncryptionKey
{
    public const string ConfigurationKey = $"{ConnectorOptions.Section}:KeyEncryptionKey";
    private const int KeyBytes = 32;

    private readonly Lazy<byte[]> _key;

    public KeyEncryptionKey(IConfiguration? configuration, StoreLocation location)
    {
        _key = new Lazy<byte[]>(() => Load(configuration?[ConfigurationKey], location));
    }

    internal ReadOnlySpan<byte> Value => _key.Value;

    /// <summary>A short fingerprint stored beside each encrypted key, so a wrong key encryption key is named, not guessed.</summary>
    internal string Id => Convert.ToHexStringLower(SHA256.HashData(_key.Value).AsSpan(0, 8));

    private static byte[] Load(string? configured, StoreLocation location)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Decode(configured, ConfigurationKey);
        }

        if (location.Mode == StoreMode.Clustered)
        {
            throw new ConnectorConfigurationException(
                $"{ConfigurationKey} is not set: in Clustered mode every node needs the same key encryption key (generate one with: head -c 32 /dev/urandom | base64)");
        }

        var path = Path.Combine(location.EffectiveDataDirectory, "keys", "connectors.kek");
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var key = RandomNumberGenerator.GetBytes(KeyBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        try
        {
            using var writer = new StreamWriter(path, options);
            writer.Write(Convert.ToBase64String(key));
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process (a CLI beside the server) created it first: use theirs.
            return Decode(File.ReadAllText(path), path);
        }
    }

    private static byte[] Decode(string text, string where)
    {
        Span<byte> key = stackalloc byte[KeyBytes + 1];
        return Convert.TryFromBase64String(text.Trim(), key, out var written) && written == KeyBytes
            ? key[..KeyBytes].ToArray()
            : throw new ConnectorConfigurationException($"{where} must hold base64 of exactly {KeyBytes} bytes");
    }
}
