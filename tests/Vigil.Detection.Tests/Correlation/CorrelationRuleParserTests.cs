using Vigil.Detection.Correlation;
using Vigil.Detection.Loading;

namespace Vigil.Detection.Tests.Correlation;

public sealed class CorrelationRuleParserTests
{
    [Fact]
    public void Parse_SpecEventCountExample_ReadsEveryPart()
    {
        var rule = CorrelationKit.Parse(SpecExamples.ManyFailedLogins);

        Assert.Equal("Many failed logins", rule.Title);
        Assert.Equal("0e95725d-7320-415d-80f7-004da920fc11", rule.Id);
        Assert.Equal("high", rule.Level);
        Assert.Equal(["attack.credential-access", "attack.t1110"], rule.Tags);
        Assert.Equal(CorrelationType.EventCount, rule.Type);
        Assert.Equal(["5638f7c0-ac70-491d-8465-2a65075e0d86"], rule.Rules);
        Assert.Equal(["ComputerName"], rule.GroupBy);
        Assert.Equal(TimeSpan.FromHours(1), rule.Timespan);
        var comparison = Assert.Single(rule.Condition.Comparisons);
        Assert.Equal(new CorrelationComparison(CorrelationOperator.GreaterThanOrEqual, 100), comparison);
        Assert.False(rule.Generate);
        Assert.Equal(new Vigil.Detection.Rules.SigmaSourceLocation("mr_test.yml", 1), rule.Location);
    }

    [Fact]
    public void Parse_TemporalWithoutCondition_RequiresEveryRule()
    {
        var rule = CorrelationKit.Parse("""
            title: Recon
            correlation:
                type: temporal
                rules: [recon_cmd_a, recon_cmd_b, recon_cmd_c]
                group-by: [ComputerName, User]
                timespan: 5m
            """);

        Assert.Equal(new CorrelationComparison(CorrelationOperator.GreaterThanOrEqual, 3), Assert.Single(rule.Condition.Comparisons));
    }

    [Fact]
    public void Parse_RangeCondition_KeepsBothBounds()
    {
        var rule = CorrelationKit.Parse("""
            title: Range
            correlation:
                type: value_count
                rules: [r]
                group-by: [Host]
                timespan: 1d
                condition:
                    field: [User, Domain]
                    gt: 100
                    lte: 200
            """);

        Assert.Equal(["User", "Domain"], rule.Condition.Fields);
        Assert.True(rule.Condition.IsSatisfiedBy(101));
        Assert.True(rule.Condition.IsSatisfiedBy(200));
        Assert.False(rule.Condition.IsSatisfiedBy(100));
        Assert.False(rule.Condition.IsSatisfiedBy(201));
    }

    [Fact]
    public void Parse_AliasesAndGenerate_AreRead()
    {
        var rule = CorrelationKit.Parse("""
            title: Aliased
            correlation:
                type: temporal
                rules: [internal_error, new_network_connection]
                group-by: [internal_ip]
                timespan: 10s
                generate: true
                aliases:
                    internal_ip:
                        internal_error: destination.ip
                        new_network_connection: source.ip
            """);

        Assert.True(rule.Generate);
        Assert.Equal("source.ip", rule.Aliases["internal_ip"]["new_network_connection"]);
    }

    [Theory]
    [InlineData("30s", 30)]
    [InlineData("5m", 300)]
    [InlineData("90m", 5400)]
    [InlineData("1h", 3600)]
    [InlineData("1d", 86400)]
    [InlineData("2w", 1209600)]
    public void TryParseTimespan_SpecFormat_Parses(string text, int seconds)
    {
        Assert.True(CorrelationRuleParser.TryParseTimespan(text, out var timespan));
        Assert.Equal(TimeSpan.FromSeconds(seconds), timespan);
    }

    [Theory]
    [InlineData("1H")]
    [InlineData("0m")]
    [InlineData("m")]
    [InlineData("1.5h")]
    [InlineData("1y")]
    [InlineData("5 m")]
    [InlineData("99999999999999999999d")]
    public void TryParseTimespan_OutsideSpecFormat_Fails(string text)
    {
        Assert.False(CorrelationRuleParser.TryParseTimespan(text, out _));
    }

    [Theory]
    [MemberData(nameof(InvalidDocuments))]
    public void Parse_InvalidDocument_ReportsLineAndProblem(string yaml, int line, string problem)
    {
        var error = Assert.Throws<SigmaFormatException>(() => CorrelationKit.Parse(yaml));

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<string, int, string> InvalidDocuments() => new()
    {
        { "title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    group-by: [h]\n    condition: {gte: 1}\n", 3, "missing required 'timespan'" },
        { "title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    group-by: [h]\n    timespan: 5 minutes\n    condition: {gte: 1}\n", 6, "invalid timespan '5 minutes'" },
        { "title: t\ncorrelation:\n    type: event_cnt\n    rules: [a]\n    group-by: [h]\n    timespan: 5m\n", 3, "unknown correlation type 'event_cnt'" },
        { "title: t\ncorrelation:\n    type: value_count\n    rules: [a]\n    group-by: [h]\n    timespan: 5m\n    condition:\n        gte: 3\n", 8, "value_count needs 'field'" },
        { "title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    group-by: [h]\n    timespan: 5m\n    condition:\n        gte: 3\n        atleast: 4\n", 9, "unknown condition key 'atleast'" },
        { "title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    group-by: [h]\n    timespan: 5m\n    condition:\n        gte: many\n", 8, "condition 'gte' must be a number" },
        { "title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    group-by: [h]\n    timespan: 5m\n", 3, "missing required 'condition' for event_count" },
        { "title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    group-by: [h]\n    timespan: 5m\n    condition: 10\n", 7, "'condition' must be a map" },
        { "title: t\ncorrelation:\n    type: temporal\n    rules:\n        - a\n        - a\n    group-by: [h]\n    timespan: 5m\n", 6, "'rules' lists 'a' twice" },
        { "title: t\ncorrelation:\n    type: temporal\n    rules: []\n    group-by: [h]\n    timespan: 5m\n", 4, "at least one rule" },
        { "title: t\ncorrelation:\n    type: temporal\n    rules: [a, b]\n    timespan: 5m\n", 3, "missing required 'group-by'" },
        { "title: t\ncorrelation:\n    type: temporal\n    rules: [a, b]\n    group-by: [ip]\n    timespan: 5m\n    aliases:\n        ip:\n            c: source.ip\n", 9, "names rule 'c', which is not in 'rules'" },
        { "title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    group-by: [h]\n    timespan: 5m\n    condition: {field: User, gte: 2}\n", 7, "cannot name a field" },
        { "title: t\ncorrelation:\n    type: event_count\n    rules: [a]\n    group-by: [h]\n    timespan: 5m\n    generate: maybe\n    condition: {gte: 2}\n", 7, "'generate' must be true or false" },
        { "correlation:\n    type: event_count\n    rules: [a]\n    group-by: [h]\n    timespan: 5m\n    condition: {gte: 2}\n", 1, "missing required 'title'" },
    };

    [Fact]
    public void ParseAll_MultiDocumentFile_ReportsBadDocumentWithFileAndLine()
    {
        var documents = CorrelationKit.Documents("""
            title: good
            correlation:
                type: temporal
                rules: [a, b]
                group-by: [User]
                timespan: 1m
            ---
            title: bad
            id: 11111111-2222-3333-4444-555555555555
            correlation:
                type: temporal
                rules: [a, b]
                group-by: [User]
                timespan: forever
            """, "rules/mr_pair.yml");

        var (rules, errors) = CorrelationRuleParser.ParseAll(documents);

        Assert.Equal("good", Assert.Single(rules).Title);
        var error = Assert.Single(errors);
        Assert.Equal("rules/mr_pair.yml:14: rule 11111111-2222-3333-4444-555555555555: invalid timespan 'forever': expected a positive number followed by s, m, h or d (e.g. 5m, 1h, 1d)", error.ToString());
    }

    [Theory]
    [InlineData("event_count.yml", CorrelationType.EventCount)]
    [InlineData("event_count_ecs.yml", CorrelationType.EventCount)]
    [InlineData("value_count.yml", CorrelationType.ValueCount)]
    [InlineData("temporal.yml", CorrelationType.Temporal)]
    [InlineData("temporal_ordered.yml", CorrelationType.TemporalOrdered)]
    [InlineData("value_sum.yml", CorrelationType.ValueSum)]
    [InlineData("value_avg.yml", CorrelationType.ValueAverage)]
    [InlineData("value_percentile.yml", CorrelationType.ValuePercentile)]
    public void Parse_SpecSchemaTestFile_Parses(string file, CorrelationType type)
    {
        var path = Vigil.Testing.SharedFixtures.Path(Path.Combine("sigma_spec/tests/schema/correlation", file));
        Assert.SkipUnless(File.Exists(path), $"fixture {path} is not present (set VIGIL_FIXTURES)");

        var rule = CorrelationRuleParser.Parse(CorrelationKit.Documents(File.ReadAllText(path), file).Single());

        Assert.Equal(type, rule.Type);
        Assert.NotEmpty(rule.GroupBy);
    }
}
