using Vigil.Detection.Correlation;

namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationSetTests
{
    private static CorrelationSet Build(string yaml, params SigmaRuleIdentity[] known)
    {
        var (rules, errors) = CorrelationRuleParser.ParseAll(CorrelationKit.Documents(yaml, "mr_set.yml"));
        Assert.Empty(errors);
        return CorrelationSet.Build(rules, known.Length == 0 ? null : known);
    }

    [Fact]
    public void Build_ReferenceToRuleNotLoaded_ReportsLineOfReference()
    {
        var set = Build("""
            title: Pair
            id: 9d2c1b6e-0000-4000-8000-000000000001
            correlation:
                type: temporal
                rules:
                    - known_rule
                    - missing_rule
                group-by: [User]
                timespan: 5m
            """, new SigmaRuleIdentity("11111111-0000-4000-8000-000000000000", "known_rule"));

        Assert.Empty(set.Rules);
        var error = Assert.Single(set.Errors);
        Assert.Equal(7, error.Line);
        Assert.Equal("mr_set.yml", error.File);
        Assert.Contains("'missing_rule', which is not loaded", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_ChainThatLoops_RejectsEveryCorrelationInTheLoop()
    {
        var set = Build("""
            title: A
            name: corr_a
            correlation: {type: event_count, rules: [corr_b], group-by: [User], timespan: 5m, condition: {gte: 2}}
            ---
            title: B
            name: corr_b
            correlation: {type: event_count, rules: [corr_a], group-by: [User], timespan: 5m, condition: {gte: 2}}
            ---
            title: C
            name: corr_c
            correlation: {type: event_count, rules: [base], group-by: [User], timespan: 5m, condition: {gte: 2}}
            """);

        Assert.Equal(["C"], set.Rules.Select(r => r.Title));
        Assert.Equal(2, set.Errors.Count);
        Assert.Contains(set.Errors, e => e.Message.Contains("loops: corr_a -> corr_b -> corr_a", StringComparison.Ordinal));
        Assert.Contains(set.Errors, e => e.Message.Contains("references correlation 'corr_a', which was rejected", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_TwoCorrelationsWithSameName_RejectsTheSecond()
    {
        var set = Build("""
            title: First
            name: dup
            correlation: {type: event_count, rules: [base], group-by: [User], timespan: 5m, condition: {gte: 2}}
            ---
            title: Second
            name: dup
            correlation: {type: event_count, rules: [base], group-by: [User], timespan: 5m, condition: {gte: 3}}
            """);

        Assert.Equal(["First"], set.Rules.Select(r => r.Title));
        Assert.Equal(5, Assert.Single(set.Errors).Line);
    }

    [Fact]
    public void ReportsStandalone_GenerateFlag_DecidesWhetherReferencedRulesStillAlert()
    {
        var set = Build("""
            title: Quiet
            correlation: {type: event_count, rules: [quiet_rule], group-by: [User], timespan: 5m, condition: {gte: 2}}
            ---
            title: Loud
            correlation: {type: event_count, rules: [loud_rule], group-by: [User], timespan: 5m, condition: {gte: 2}, generate: true}
            """);

        Assert.False(set.ReportsStandalone(null, "quiet_rule"));
        Assert.True(set.ReportsStandalone(null, "loud_rule"));
        Assert.True(set.ReportsStandalone("unrelated-id", "unrelated"));
    }

    [Fact]
    public void Load_ParseAndReferenceErrors_AreBothReported()
    {
        var documents = CorrelationKit.Documents("""
            title: Broken
            correlation: {type: event_count, rules: [base], group-by: [User], timespan: soon, condition: {gte: 2}}
            ---
            title: Dangling
            correlation: {type: event_count, rules: [nowhere], group-by: [User], timespan: 5m, condition: {gte: 2}}
            """);

        var set = CorrelationSet.Load(documents, [new SigmaRuleIdentity(null, "base")]);

        Assert.Empty(set.Rules);
        Assert.Equal(["Broken", "Dangling"], set.Errors.Select(e => e.Title));
    }
}
