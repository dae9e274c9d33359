using System.Security.Cryptography;
using Vigil.Domain.Evidence;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    private static Artefact NewArtefact(string id, string caseId, byte[] content) => new()
    {
        Id = id,
        CaseId = caseId,
        Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
        Name = "invoice.eml",
        Size = content.Length,
        Description = "reported phish",
        CollectedBy = "human:alice",
        CollectedAt = Micros(T0),
        CollectedFrom = "mailbox:phish@corp.example",
    };

    [Fact]
    public async Task Artefacts_ContentIsStoredOncePerHashAndListedPerCase()
    {
        await using var db = await OpenStoreAsync();
        byte[] content = [0x4d, 0x5a, 0x90, 0x00, 0xff, 0x00];
        var first = NewArtefact("art_1", "cas_1", content);
        var second = NewArtefact("art_2", "cas_2", content) with { CollectedAt = Micros(T0.AddMinutes(1)) };

        Assert.True(await CommitAsync(db.Store, async tx =>
        {
            var stored = await tx.PutArtefactBlobAsync(first.Sha256, content, T0, Ct);
            await tx.InsertArtefactAsync(first, Ct);
            return stored;
        }));
        Assert.False(await CommitAsync(db.Store, async tx =>
        {
            var stored = await tx.PutArtefactBlobAsync(second.Sha256, content, T0, Ct);
            await tx.InsertArtefactAsync(second, Ct);
            return stored;
        }));

        Assert.Equal(first, await db.Store.GetArtefactAsync("art_1", Ct));
        Assert.Null(await db.Store.GetArtefactAsync("art_nope", Ct));
        Assert.Equal(["art_2"], (await db.Store.ListArtefactsAsync("cas_2", Ct)).Select(a => a.Id));
        Assert.Equal(content, await db.Store.ReadArtefactContentAsync(first.Sha256, Ct));
        Assert.Null(await db.Store.ReadArtefactContentAsync(new string('0', 64), Ct));
    }
}
