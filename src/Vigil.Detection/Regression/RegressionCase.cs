namespace Vigil.Detection.Regression;

/// <summary>One SigmaHQ-style regression case: a rule file, its recorded events, and the minimum matches expected.</summary>
public sealed record RegressionCase(string RuleId, string RulePath, string EventsPath, int ExpectedMinMatches)
{
    /// <inheritdoc />
    public override string ToString() => $"{RuleId} ({Path.GetFileName(RulePath)})";
}
