namespace Vigil.Pipeline.Learn;

/// <summary>
/// The proof a tuning is shown with: the tuned rule fires on none of the case's events, still fires on every stored
/// true-positive event the original fired on, and still passes every regression case of the rule.
/// </summary>
public sealed record ReplayProof(ReplaySet Benign, ReplaySet TruePositives, IReadOnlyList<RegressionReplay> Regression)
{
    public bool Passed =>
        Benign.FiredOriginal > 0 && Benign.FiredTuned == 0 && TruePositives.Wrong.Count == 0 && Regression.All(r => r.Passed);
}
