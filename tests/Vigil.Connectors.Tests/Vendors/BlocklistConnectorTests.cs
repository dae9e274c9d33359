using Microsoft.Extensions.Time.Testing;
using Vigil.Connectors.Tests.Support;
using Vigil.Connectors.Vendors;
using Vigil.Connectors.Vendors.Blocklist;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Tests.Vendors;

public sealed class BlocklistConnectorTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("203.0.113.7", null, BlocklistKind.Ip, "203.0.113.7")]
    [InlineData("198.51.100.0/24", null, BlocklistKind.Ip, "198.51.100.0/24")]
    [InlineData("2001:DB8::1", null, BlocklistKind.Ip, "2001:db8::1")]
    [InlineData("Evil.Example.", null, BlocklistKind.Domain, "evil.example")]
    [InlineData("*.evil.example", null, BlocklistKind.Domain, "*.evil.example")]
    [InlineData("bücher.example", null, BlocklistKind.Domain, "xn--bcher-kva.example")]
    [InlineData("https://Evil.Example/login.php?a=1", null, BlocklistKind.Url, "evil.example/login.php?a=1")]
    [InlineData("evil.example/path", null, BlocklistKind.Url, "evil.example/path")]
    [InlineData("http://evil.example:8080/", "url", BlocklistKind.Url, "evil.example:8080")]
    public void Normalise_KnownForms_AsFirewallsReadThem(string indicator, string? kind, BlocklistKind expectedKind, string expected) =>
        Assert.Equal((expectedKind, expected), BlocklistIndicator.Normalise(indicator, kind));

    [Theory]
    [InlineData("0.0.0.0/0")]
    [InlineData("evil.example\n1.1.1.1")]
    [InlineData("not a domain")]
    [InlineData("-bad-.example")]
    [InlineData("localhost")]
    [InlineData("ftp://evil.example/x")]
    public void Normalise_AnythingAFirewallCouldMisread_Refused(string indicator) =>
        Assert.Throws<ConnectorInputException>(() => BlocklistIndicator.Normalise(indicator, indicator.StartsWith("ftp", StringComparison.Ordinal) ? "url" : null));

    [Fact]
    public async Task Block_WithDuration_ListsUntilExpiry_AndRollbackTokenUnblocks()
    {
        var time = new FakeTimeProvider(Now);
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?>(), time);
        var blocklist = harness.Connector("blocklist");

        var block = await blocklist.ExecuteAsync(Calls.For("indicator.block", ("indicator", "203.0.113.7"), ("duration", "PT4H"), ("reason", "C2 beacon")), Ct);

        Assert.Equal((ConnectorOutcome.Succeeded, "ip 203.0.113.7 is on the blocklist feed until 2026-11-23 16:00:00Z"), (block.Outcome, block.Summary));
        var entry = Assert.Single(await harness.Store.ListBlocklistAsync(BlocklistKind.Ip, Now, Ct));
        Assert.Equal(new BlocklistEntry { Kind = BlocklistKind.Ip, Value = "203.0.113.7", AddedAt = Now, ExpiresAt = Now.AddHours(4), CaseId = "case_1", RequestId = "act_1", Reason = "C2 beacon" }, entry);
        Assert.Empty(await harness.Store.ListBlocklistAsync(BlocklistKind.Ip, Now.AddHours(4), Ct));

        var unblock = await blocklist.ExecuteAsync(Calls.For("indicator.unblock") with { RollbackToken = block.RollbackToken }, Ct);
        var again = await blocklist.ExecuteAsync(Calls.For("indicator.unblock") with { RollbackToken = block.RollbackToken }, Ct);

        Assert.Equal("ip 203.0.113.7 removed from the blocklist feed", unblock.Summary);
        Assert.Equal((ConnectorOutcome.Succeeded, "ip 203.0.113.7 was not on the blocklist feed"), (again.Outcome, again.Summary));
        Assert.Empty(await harness.Store.ListBlocklistAsync(BlocklistKind.Ip, Now, Ct));
    }

    [Theory]
    [InlineData("30m", 30)]
    [InlineData("4h", 240)]
    [InlineData("7d", 10080)]
    [InlineData("P1DT2H", 1560)]
    public void ParseDuration_ShortAndIsoForms(string text, int minutes) =>
        Assert.Equal(TimeSpan.FromMinutes(minutes), BlocklistConnector.ParseDuration(text));

    [Fact]
    public async Task Block_SimulatedOrInvalid_ChangesNothing()
    {
        await using var harness = await ConnectorHarness.StartAsync(new Dictionary<string, string?>(), new FakeTimeProvider(Now));
        var blocklist = harness.Connector("blocklist");

        var simulated = await blocklist.ExecuteAsync(Calls.For("indicator.block", ("indicator", "evil.example")) with { Simulate = true }, Ct);
        var invalid = await blocklist.ExecuteAsync(Calls.For("indicator.block", ("indicator", "evil.example"), ("duration", "forever")), Ct);

        Assert.Equal("simulated, nothing changed: would add domain evil.example to the blocklist feed with no expiry", simulated.Summary);
        Assert.Equal(ConnectorOutcome.Failed, invalid.Outcome);
        Assert.Empty(await harness.Store.ListBlocklistAsync(BlocklistKind.Domain, Now, Ct));
    }
}
