using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Vigil.Pipeline.Ports;

namespace Vigil.Connectors.Secrets;

/// <summary>
/// Keeps the Data Protection key ring in the store (<c>vigil_data_protection_keys</c>), so every node of a cluster and
/// every CLI run reads the same keys and they survive restarts. The elements arrive already encrypted by
/// <see cref="AesGcmXmlEncryptor"/>: a copy of the database alone does not reveal them.
/// </summary>
internal sealed class StoreXmlRepository(IVigilStore store, TimeProvider time) : IXmlRepository
{
    // Data Protection's repository contract is synchronous; it is called when the key ring is (re)loaded or a key is
    // created, about once a day, never per protect/unprotect.
    public IReadOnlyCollection<XElement> GetAllElements() =>
        store.ListDataProtectionKeysAsync(CancellationToken.None).GetAwaiter().GetResult().Select(XElement.Parse).ToArray();

    public void StoreElement(XElement element, string friendlyName) => StoreAsync(element, friendlyName).GetAwaiter().GetResult();

    private async Task StoreAsync(XElement element, string friendlyName)
    {
        await using var transaction = await store.BeginAsync(CancellationToken.None);
        await transaction.InsertDataProtectionKeyAsync(friendlyName, element.ToString(SaveOptions.DisableFormatting), time.GetUtcNow(), CancellationToken.None);
        await transaction.CommitAsync(CancellationToken.None);
    }
}
