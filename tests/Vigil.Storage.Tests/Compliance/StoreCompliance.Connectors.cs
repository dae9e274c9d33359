using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task ConnectorSecrets_SetReplaceListAndDelete()
    {
        await using var db = await OpenStoreAsync();
        var token = new ConnectorSecretRecord { Connector = "jira", Name = "api_token", ProtectedValue = "CfDJ8-first", UpdatedAt = T0, UpdatedBy = "cli/root" };
        var okta = new ConnectorSecretRecord { Connector = "okta", Name = "api_token", ProtectedValue = "CfDJ8-okta", UpdatedAt = T0, UpdatedBy = "cli/root" };
        await CommitAsync(db.Store, async tx =>
        {
            await tx.SetConnectorSecretAsync(okta, Ct);
            await tx.SetConnectorSecretAsync(token, Ct);
        });
        var replaced = token with { ProtectedValue = "CfDJ8-second", UpdatedAt = T0.AddHours(1), UpdatedBy = "cli/alice" };
        await CommitAsync(db.Store, tx => tx.SetConnectorSecretAsync(replaced, Ct));

        Assert.Equal(replaced with { UpdatedAt = Micros(replaced.UpdatedAt) }, await db.Store.GetConnectorSecretAsync("jira", "api_token", Ct));
        Assert.Null(await db.Store.GetConnectorSecretAsync("jira", "password", Ct));
        Assert.Equal(["jira/api_token", "okta/api_token"], (await db.Store.ListConnectorSecretsAsync(Ct)).Select(s => $"{s.Connector}/{s.Name}"));

        var deleted = false;
        await CommitAsync(db.Store, async tx => deleted = await tx.DeleteConnectorSecretAsync("jira", "api_token", Ct));
        Assert.True(deleted);
        await CommitAsync(db.Store, async tx => deleted = await tx.DeleteConnectorSecretAsync("jira", "api_token", Ct));
        Assert.False(deleted);
        Assert.Null(await db.Store.GetConnectorSecretAsync("jira", "api_token", Ct));
    }

    [Fact]
    public async Task DataProtectionKeys_InsertAndListOldestFirst()
    {
        await using var db = await OpenStoreAsync();
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertDataProtectionKeyAsync("key-b", "<key id=\"b\"/>", T0.AddDays(90), Ct);
            await tx.InsertDataProtectionKeyAsync("key-a", "<key id=\"a\"/>", T0, Ct);
        });

        Assert.Equal(["<key id=\"a\"/>", "<key id=\"b\"/>"], await db.Store.ListDataProtectionKeysAsync(Ct));
    }

    [Fact]
    public async Task Blocklist_UpsertListsUnexpiredPerKindAndRemoves()
    {
        await using var db = await OpenStoreAsync();
        var ip = new BlocklistEntry { Kind = BlocklistKind.Ip, Value = "203.0.113.7", AddedAt = T0, ExpiresAt = T0.AddHours(4), CaseId = "case_1", RequestId = "act_1", Reason = "C2" };
        var net = new BlocklistEntry { Kind = BlocklistKind.Ip, Value = "198.51.100.0/24", AddedAt = T0 };
        var expired = new BlocklistEntry { Kind = BlocklistKind.Ip, Value = "192.0.2.1", AddedAt = T0, ExpiresAt = T0.AddMinutes(5) };
        var domain = new BlocklistEntry { Kind = BlocklistKind.Domain, Value = "evil.example", AddedAt = T0 };
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var entry in new[] { ip, net, expired, domain })
            {
                await tx.UpsertBlocklistEntryAsync(entry, Ct);
            }
        });
        var extended = ip with { ExpiresAt = T0.AddHours(8), RequestId = "act_2", Reason = "extended" };
        await CommitAsync(db.Store, tx => tx.UpsertBlocklistEntryAsync(extended, Ct));

        var now = T0.AddHours(1);
        Assert.Equal(["198.51.100.0/24", "203.0.113.7"], (await db.Store.ListBlocklistAsync(BlocklistKind.Ip, now, Ct)).Select(e => e.Value));
        Assert.Equal(["evil.example"], (await db.Store.ListBlocklistAsync(BlocklistKind.Domain, now, Ct)).Select(e => e.Value));
        Assert.Empty(await db.Store.ListBlocklistAsync(BlocklistKind.Url, now, Ct));
        Assert.Equal(extended with { AddedAt = Micros(T0), ExpiresAt = Micros(T0.AddHours(8)) }, await db.Store.GetBlocklistEntryAsync(BlocklistKind.Ip, "203.0.113.7", Ct));
        Assert.Equal(["198.51.100.0/24"], (await db.Store.ListBlocklistAsync(BlocklistKind.Ip, T0.AddDays(1), Ct)).Select(e => e.Value));

        var removed = false;
        await CommitAsync(db.Store, async tx => removed = await tx.RemoveBlocklistEntryAsync(BlocklistKind.Ip, "203.0.113.7", Ct));
        Assert.True(removed);
        await CommitAsync(db.Store, async tx => removed = await tx.RemoveBlocklistEntryAsync(BlocklistKind.Ip, "203.0.113.7", Ct));
        Assert.False(removed);
        Assert.Null(await db.Store.GetBlocklistEntryAsync(BlocklistKind.Ip, "203.0.113.7", Ct));
    }
}
