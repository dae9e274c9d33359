using System.Security.Cryptography;
using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Connectors.Http;

namespace Vigil.Connectors.Secrets;

/// <summary>The reverse of <see cref="AesGcmXmlEncryptor"/>; Data Protection activates it by type name with the services.</summary>
internal sealed class AesGcmXmlDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var key = services.GetRequiredService<KeyEncryptionKey>();
        if (encryptedElement.Name != AesGcmXmlEncryptor.ElementName || (string?)encryptedElement.Attribute("version") != "1")
        {
            throw new CryptographicException($"not a Vigil encrypted key element: {encryptedElement.Name}");
        }

        if ((string?)encryptedElement.Attribute("kek") != key.Id)
        {
            throw new ConnectorConfigurationException(
                $"the Data Protection key ring was encrypted with key encryption key {(string?)encryptedElement.Attribute("kek")}, but {KeyEncryptionKey.ConfigurationKey} (or keys/connectors.kek) is {key.Id}");
        }

        var sealedBytes = Convert.FromBase64String(encryptedElement.Value);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plain = new byte[sealedBytes.Length - nonceSize - tagSize];
        using (var aes = new AesGcm(key.Value, tagSize))
        {
            aes.Decrypt(sealedBytes.AsSpan(0, nonceSize), sealedBytes.AsSpan(nonceSize + tagSize), sealedBytes.AsSpan(nonceSize, tagSize), plain, AesGcmXmlEncryptor.AssociatedData);
        }

        try
        {
            return XElement.Parse(Encoding.UTF8.GetString(plain));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plain);
        }
    }
}
