using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Correlate;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Correlate;

public sealed class GroupingPolicyLoaderTests
{
    [Fact]
    public void LoadDefault_ShippedPolicy_LoadsWithCatchAllLast()
    {
        var policy = GroupingPolicyLoader.LoadDefault();

        Assert.Equal("shared entity", policy.Rules[^1].Name);
        Assert.Equal(GroupingMode.Any, policy.Rules[^1].Mode);
        Assert.Equal(TimeSpan.FromMinutes(30), policy.Rules[^1].Lookback);
        Assert.DoesNotContain(EntityType.Rule, policy.Rules[^1].EntityTypes);
        Assert.Contains("user:nt authority\\system", policy.Ignored);
        Assert.Equal("phishing reports by sender and link", policy.RuleFor(Alert("phishing_report"))!.Name);
        Assert.Equal("shared entity", policy.RuleFor(Alert("crowdstrike"))!.Name);
    }

    [Fact]
    public void Load_SelectorOnTitleRuleAndTag_FirstMatchingRuleWins()
    {
        var policy = GroupingPolicyLoader.Load("p.yaml", """
            rules:
              - { name: by title, when: { title: "Brute force*" }, group_by: none }
              - { name: by rule and tag, when: { rule: "sigma-*", tag: [attack.t1059*, other] }, group_by: any }
            """);

        Assert.Equal("by title", policy.RuleFor(Alert("x", title: "brute FORCE against vpn"))!.Name);
        Assert.Equal("by rule and tag", policy.RuleFor(Alert("x", rule: "sigma-12", tag: "attack.t1059.001"))!.Name);
        Assert.Null(policy.RuleFor(Alert("x", rule: "sigma-12", tag: "attack.t1003")));
    }

    [Fact]
    public void Load_EveryMistake_RefusedWithEachProblemAndLine()
    {
        var error = Assert.Throws<GroupingPolicyException>(() => GroupingPolicyLoader.Load("bad.yaml", """
            defaults: { lookback: soon }
            ignore: { colour: [red] }
            rules:
              - { name: a, group_by: sometimes }
              - { group_by: selected, lookback: 5m, max_alerts: -1 }
              - { name: c, group_by: any, entity_types: [host, planet], extra: 1 }
            """));

        Assert.Contains("bad.yaml:1: 'lookback' must be a duration such as 90s, 30m, 4h or 7d, not 'soon'", error.Problems);
        Assert.Contains("bad.yaml:2: 'colour' is not an entity type", error.Problems);
        Assert.Contains("bad.yaml:4: 'group_by' must be any, all, selected or none, not 'sometimes'", error.Problems);
        Assert.Contains("bad.yaml:5: a rule needs a 'name'", error.Problems);
        Assert.Contains("bad.yaml:5: 'group_by: selected' needs 'entity_types'", error.Problems);
        Assert.Contains("bad.yaml:5: 'max_alerts' must be a positive whole number, not '-1'", error.Problems);
        Assert.Contains("bad.yaml:6: 'planet' in entity_types is not an entity type", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("bad.yaml:6: unknown key 'extra'", StringComparison.Ordinal));
    }

    [Fact]
    public void LoadFor_DataDirectoryWithOverride_ReadsOverride()
    {
        using var directory = new TempDirectory("vigil-grouping-policy");
        Assert.Equal("shared entity", GroupingPolicyLoader.LoadFor(directory.Path).Rules[^1].Name);

        Directory.CreateDirectory(directory.File("policy"));
        File.WriteAllText(directory.File(GroupingPolicyLoader.OverridePath), "rules: [{ name: local, group_by: none }]");
        var policy = GroupingPolicyLoader.LoadFor(directory.Path);

        Assert.Equal("local", Assert.Single(policy.Rules).Name);
        Assert.EndsWith("grouping.yaml", policy.Origin, StringComparison.Ordinal);
    }

    private static Alert Alert(string source, string title = "t", string? rule = null, string? tag = null) => new()
    {
        Id = "alr_1",
        Source = source,
        SourceRef = "r",
        Title = title,
        Severity = Severity.Low,
        OccurredAt = DateTimeOffset.UnixEpoch,
        ReceivedAt = DateTimeOffset.UnixEpoch,
        Fingerprint = "f",
        RawPayload = "{}",
        Entities = rule is null ? [] : [Entity.Create(EntityType.Rule, rule)],
        Tags = tag is null ? [] : [tag],
        FirstSeen = DateTimeOffset.UnixEpoch,
        LastSeen = DateTimeOffset.UnixEpoch,
    };
}
