using Vigil.Domain.Cases;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Correlate;
using static Vigil.Pipeline.Tests.Correlate.GroupingKit;

namespace Vigil.Pipeline.Tests.Correlate;

public sealed class EntityGroupingAssignerTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Assign_SharedHostAndUserWithinLookback_JoinsWithReasonOnLinkAndLedger()
    {
        await using var kit = await StartAsync();
        var first = (await kit.IngestAsync(kit.Draft(T0, Host("WS-12"), User("alice"))))[0];
        var second = (await kit.IngestAsync(kit.Draft(T0.AddMinutes(20), User("ALICE"), Host("ws-12"))))[0];

        Assert.Equal(first, second);
        const string Expected = "joined: same user alice and host ws-12 within 30 min (rule \"shared entity\": any entity)";
        Assert.Equal(Expected, await kit.ReasonAsync(first));
        Assert.Equal(Expected, Assert.Single(await kit.Store.GetCaseAlertLinksAsync(first, Ct), l => l.Reason.StartsWith("joined", StringComparison.Ordinal)).Reason);
        var ledger = await kit.Store.ReadLedgerAsync(first, Ct);
        var attached = Assert.Single(ledger, e => e.Kind == LedgerKinds.AlertAttached);
        Assert.Contains("\"reason\":\"joined: same user alice and host ws-12 within 30 min", attached.Payload, StringComparison.Ordinal);
        Assert.Contains("\"grouping_rule\":\"shared entity\"", attached.Payload, StringComparison.Ordinal);
        Assert.Contains("\"matched_entities\":[\"user:alice\",\"host:ws-12\"]", attached.Payload, StringComparison.Ordinal);
        Assert.Equal(2, (await kit.Store.GetCaseAsync(first, Ct))!.AlertCount);
    }

    [Fact]
    public async Task Assign_SharedHostOutsideLookback_OpensNewCaseSayingWhy()
    {
        await using var kit = await StartAsync();
        var first = (await kit.IngestAsync(kit.Draft(T0, Host("ws-12"))))[0];
        var second = (await kit.IngestAsync(kit.Draft(T0.AddMinutes(31), Host("ws-12"))))[0];

        Assert.NotEqual(first, second);
        Assert.Equal("opened: no open case saw host ws-12 within 30 min (rule \"shared entity\": any entity)", await kit.ReasonAsync(second));
    }

    [Fact]
    public async Task Assign_OnlyIgnoredOrUngroupedEntities_OpensNewCase()
    {
        await using var kit = await StartAsync();
        var first = (await kit.IngestAsync(kit.Draft(T0, User("SYSTEM"), Host("ws-1"))))[0];
        var second = (await kit.IngestAsync(kit.Draft(T0.AddMinutes(1), User("system"), Host("ws-2"))))[0];
        var third = (await kit.IngestAsync(kit.Draft(T0.AddMinutes(2), Vigil.Domain.Entities.Entity.Create(Vigil.Domain.Entities.EntityType.Rule, "sigma-1"))))[0];

        Assert.NotEqual(first, second);
        Assert.StartsWith("opened: no entity to group on", await kit.ReasonAsync(third), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Assign_AlertsOfOneBatch_GroupWithEachOther()
    {
        await using var kit = await StartAsync();
        var cases = await kit.IngestAsync(
            kit.Draft(T0, Host("dc-01")),
            kit.Draft(T0.AddMinutes(1), Host("dc-01"), User("bob")),
            kit.Draft(T0.AddMinutes(2), User("bob")),
            kit.Draft(T0.AddMinutes(3), Host("unrelated")));

        Assert.Equal(cases[0], cases[1]);
        Assert.Equal(cases[0], cases[2]);
        Assert.NotEqual(cases[0], cases[3]);
    }

    [Fact]
    public async Task Assign_CaseAtCap_OpensOverflowCaseThatTakesTheNextAlerts()
    {
        var policy = GroupingPolicyLoader.Load("test.yaml", """
            defaults: { max_alerts: 3 }
            rules:
              - { name: storm, group_by: any }
            """);
        await using var kit = await StartAsync(policy);
        var cases = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            cases.AddRange(await kit.IngestAsync(kit.Draft(T0.AddSeconds(i), Host("web-01"))));
        }

        Assert.Equal(cases[0], cases[2]);
        Assert.NotEqual(cases[0], cases[3]);
        Assert.Equal(cases[3], cases[4]);
        Assert.Equal(
            $"opened as overflow: case {cases[0]} reached its cap of 3 alerts; same host web-01 within 30 min (rule \"storm\": any entity)",
            await kit.ReasonAsync(cases[3], 0));
        var opened = (await kit.Store.ReadLedgerAsync(cases[3], Ct))[0];
        Assert.Contains($"\"overflow_of\":\"{cases[0]}\"", opened.Payload, StringComparison.Ordinal);
        Assert.Equal(3, (await kit.Store.GetCaseAsync(cases[0], Ct))!.AlertCount);
    }

    [Fact]
    public async Task Assign_SelectedEntityTypes_JoinsOnlyCaseSharingAllOfThem()
    {
        var policy = GroupingPolicyLoader.Load("test.yaml", """
            rules:
              - { name: host and user, group_by: selected, entity_types: [host, user], lookback: 2h }
            """);
        await using var kit = await StartAsync(policy);
        var hostOnly = (await kit.IngestAsync(kit.Draft(T0, Host("ws-1"))))[0];
        var both = (await kit.IngestAsync(kit.Draft(T0.AddMinutes(5), Host("ws-1"), User("carol"))))[0];
        var again = (await kit.IngestAsync(kit.Draft(T0.AddMinutes(90), Host("ws-1"), User("carol"), Host("ws-9"))))[0];

        Assert.NotEqual(hostOnly, both);
        Assert.NotEqual(both, again);
        // Both cases hold host and user; the one active most recently takes the alert.
        var sameTwo = (await kit.IngestAsync(kit.Draft(T0.AddMinutes(100), User("carol"), Host("ws-1"))))[0];
        Assert.Equal(again, sameTwo);
        Assert.Equal("joined: same user carol and host ws-1 within 2 h (rule \"host and user\": all of host, user)", await kit.ReasonAsync(again));
    }

    [Fact]
    public async Task Assign_SourceThatNeverGroups_OpensCasePerAlert()
    {
        await using var kit = await StartAsync();
        var first = (await kit.IngestAsync(kit.Draft("vulnerability_finding", T0, Host("srv-1"))))[0];
        var second = (await kit.IngestAsync(kit.Draft("vulnerability_finding", T0, Host("srv-1"))))[0];

        Assert.NotEqual(first, second);
        Assert.Equal("opened: grouping rule \"vulnerability findings stand alone\" never groups", await kit.ReasonAsync(second));
    }

    [Fact]
    public async Task Assign_MatchingCaseClosed_OpensNewCase()
    {
        await using var kit = await StartAsync();
        var first = (await kit.IngestAsync(kit.Draft(T0, Host("ws-5"))))[0];
        var cases = new CaseService(kit.Store, TimeProvider.System);
        var closed = await cases.CloseAsync(first, new CaseClosure(Classification.FalsePositive, "admin tooling", null), new Actor(ActorKind.Human, "alice"), Ct);
        Assert.Equal(CaseResultKind.Done, closed.Kind);

        var second = (await kit.IngestAsync(kit.Draft(T0.AddMinutes(1), Host("ws-5"))))[0];

        Assert.NotEqual(first, second);
    }
}
