using System.Text;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Connectors.Tests.Support;
using Vigil.Domain.Ledger;

namespace Vigil.Connectors.Tests.Secrets;

public sealed class ConnectorSecretsTests
{
    private const string Secret = "ATATT3xFfGF0-very-secret-jira-token-Zq9";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SetAsync_StoresOnlyCiphertext_AndReadsBack()
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?>());

        await harness.Secrets.SetAsync("jira", "api_token", Secret, ConnectorHarness.Operator, Ct);

        Assert.Equal(Secret, await harness.Secrets.GetAsync("jira", "api_token", Ct));
        var stored = await harness.Store.GetConnectorSecretAsync("jira", "api_token", Ct);
        Assert.NotNull(stored);
        Assert.DoesNotContain(Secret, stored.ProtectedValue, StringComparison.Ordinal);
        Assert.Equal("human:cli/test", stored.UpdatedBy);
        Assert.Null(await harness.Secrets.GetAsync("jira", "password", Ct));
        var missing = await Assert.ThrowsAsync<ConnectorConfigurationException>(() => harness.Secrets.RequireAsync("okta", "api_token", Ct));
        Assert.Contains("vigil connectors set-secret okta api_token", missing.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAsync_NoFileInTheDataDirectoryHoldsTheSecretOrAPlaintextKey()
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?>());
        await harness.Secrets.SetAsync("jira", "api_token", Secret, ConnectorHarness.Operator, Ct);

        foreach (var file in Directory.EnumerateFiles(harness.DataDirectory, "*", SearchOption.AllDirectories))
        {
            var bytes = await File.ReadAllBytesAsync(file, Ct);
            Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(bytes), StringComparison.Ordinal);
            Assert.DoesNotContain(Secret, Encoding.Unicode.GetString(bytes), StringComparison.Ordinal);
        }

        var ring = Assert.Single(await harness.Store.ListDataProtectionKeysAsync(Ct));
        Assert.Contains("vigilEncryptedKey", ring, StringComparison.Ordinal);
        Assert.DoesNotContain("<masterKey", ring, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GetAsync_AfterRestart_SameKeysFromTheStore()
    {
        var first = await ConnectorHarness.StartAsync(new Dictionary<string, string?>());
        await first.Secrets.SetAsync("okta", "api_token", Secret, ConnectorHarness.Operator, Ct);
        var directory = await first.StopKeepingDataAsync();

        await using var second = await ConnectorHarness.StartAsync(new Dictionary<string, string?>(), null, directory);

        Assert.Equal(Secret, await second.Secrets.GetAsync("okta", "api_token", Ct));
    }

    [Fact]
    public async Task KeyEncryptionKeyFile_IsOwnerOnly_AndAnotherKeyIsNamedNotGuessed()
    {
        var first = await ConnectorHarness.StartAsync(new Dictionary<string, string?>());
        await first.Secrets.SetAsync("okta", "api_token", Secret, ConnectorHarness.Operator, Ct);
        var directory = await first.StopKeepingDataAsync();
        var kek = Path.Combine(directory.Path, "keys", "connectors.kek");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(kek));
        }

        var other = Convert.ToBase64String(new byte[32]);
        await using var second = await ConnectorHarness.StartAsync(new Dictionary<string, string?> { [KeyEncryptionKey.ConfigurationKey] = other }, null, directory);

        var error = await Assert.ThrowsAnyAsync<Exception>(() => second.Secrets.GetAsync("okta", "api_token", Ct));
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SetAndDelete_AreLedgered_WithoutTheValue()
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?>());
        await harness.Secrets.SetAsync("slack", "webhook_url", Secret, ConnectorHarness.Operator, Ct);
        Assert.True(await harness.Secrets.DeleteAsync("slack", "webhook_url", ConnectorHarness.Operator, Ct));
        Assert.False(await harness.Secrets.DeleteAsync("slack", "webhook_url", ConnectorHarness.Operator, Ct));

        var ledger = await harness.Store.ReadLedgerAsync(LedgerChains.System, Ct);
        Assert.Equal([ConnectorLedgerKinds.SecretSet, ConnectorLedgerKinds.SecretDeleted], ledger.Select(e => e.Kind));
        Assert.All(ledger, entry => Assert.Equal("{\"connector\":\"slack\",\"name\":\"webhook_url\"}", entry.Payload));
        Assert.DoesNotContain(Secret, harness.Logs.AllText, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Jira", "api_token")]
    [InlineData("jira", "../token")]
    [InlineData("", "token")]
    public async Task SetAsync_BadSlotName_Refused(string connector, string name)
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?>());
        await Assert.ThrowsAsync<ArgumentException>(() => harness.Secrets.SetAsync(connector, name, Secret, ConnectorHarness.Operator, Ct));
    }
}
