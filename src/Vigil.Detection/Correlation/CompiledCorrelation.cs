namespace Vigil.Detection.Correlation;

/// <summary>A correlation with its references resolved and its alias lookups precomputed per referenced rule.</summary>
internal sealed class CompiledCorrelation
{
    public CompiledCorrelation(CorrelationRule rule, int index)
    {
        Rule = rule;
        Index = index;
        GroupFields = new string[rule.Rules.Count][];
        ValueFields = new string[rule.Rules.Count][];
        for (var i = 0; i < rule.Rules.Count; i++)
        {
            GroupFields[i] = [.. rule.GroupBy.Select(field => Resolve(rule, i, field))];
            ValueFields[i] = [.. rule.Condition.Fields.Select(field => Resolve(rule, i, field))];
        }

        // gt/gte on a growing window can be judged as events arrive; anything with an upper bound (lt, lte, eq, neq)
        // is only decided once the timespan is over, else "lt: 5" would fire on the first event.
        JudgeOnArrival = rule.Condition.HasOnlyLowerBounds;
    }

    public CorrelationRule Rule { get; }

    public int Index { get; }

    /// <summary>Per referenced rule, the event field to read for each group-by entry (aliases applied).</summary>
    public string[][] GroupFields { get; }

    /// <summary>Per referenced rule, the event field(s) to aggregate (aliases applied).</summary>
    public string[][] ValueFields { get; }

    public bool JudgeOnArrival { get; }

    /// <summary>Correlations that reference this one: (consumer index, position in its rules list).</summary>
    public List<(int Correlation, int RuleIndex)> Consumers { get; } = [];

    /// <summary>False when consumed by other correlations, none of which asks to <c>generate</c> its referenced rules.</summary>
    public bool Standalone { get; set; } = true;

    private static string Resolve(CorrelationRule rule, int ruleIndex, string field) =>
        rule.Aliases.TryGetValue(field, out var perRule) && perRule.TryGetValue(rule.Rules[ruleIndex], out var actual)
            ? actual
            : field;
}
