using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace Vigil.Connectors.Secrets;

/// <summary>
/// Encrypts each Data Protection key element with AES-256-GCM under the <see cref="KeyEncryptionKey"/> before it is
/// stored. Data Protection ships certificate and Windows DPAPI encryptors only; neither fits a Linux service whose
/// key ring lives in a shared database.
/// </summary>
internal sealed class AesGcmXmlEncryptor(KeyEncryptionKey key) : IXmlEncryptor
{
    internal const string ElementName = "vigilEncryptedKey";
    internal static readonly byte[] AssociatedData = Encoding.ASCII.GetBytes("Vigil.DataProtection.KeyRing.v1");

    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var plain = Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting));
        var sealedBytes = new byte[AesGcm.NonceByteSizes.MaxSize + AesGcm.TagByteSizes.MaxSize + plain.Length];
        var nonce = sealedBytes.AsSpan(0, AesGcm.NonceByteSizes.MaxSize);
        var tag = sealedBytes.AsSpan(nonce.Length, AesGcm.TagByteSizes.MaxSize);
        RandomNumberGenerator.Fill(nonce);
        using (var aes = new AesGcm(key.Value, tag.Length))
        {
            aes.Encrypt(nonce, plain, sealedBytes.AsSpan(nonce.Length + tag.Length), tag, AssociatedData);
        }

        CryptographicOperations.ZeroMemory(plain);
        var element = new XElement(ElementName, new XAttribute("version", 1), new XAttribute("kek", key.Id), Convert.ToBase64String(sealedBytes));
        return new EncryptedXmlInfo(element, typeof(AesGcmXmlDecryptor));
    }
}
