namespace Vigil.Detection.Regression;

/// <summary>The outcome of one regression case.</summary>
public sealed record RegressionResult(RegressionCase Case, int Matches, int Events, string? Error)
{
    public bool Passed => Error is null && Matches >= Case.ExpectedMinMatches;
}
