namespace Vigil.Pipeline.Recommend;

/// <summary>
/// The built-in model's weights on each feature's −1…1 value, in log-odds of a true positive. Set by hand from
/// what SOC triage guides rank highest (intel match, privileged identity on a critical asset, multi-stage activity)
/// and checked against the labelled scenario set that <c>vigil eval</c> runs; change them only with that table.
/// </summary>
public static class BuiltInWeights
{
    public const double Bias = -0.6;

    public static IReadOnlyDictionary<string, double> Weights { get; } = new Dictionary<string, double>(StringComparer.Ordinal)
    {
        [FeatureNames.DetectorQuality] = 1.6,
        [FeatureNames.RuleLevel] = 1.2,
        [FeatureNames.Corroboration] = 0.9,
        [FeatureNames.TacticProgression] = 1.1,
        [FeatureNames.AssetCriticality] = 0.5,
        [FeatureNames.Exposure] = 0.4,
        [FeatureNames.IdentityPrivilege] = 0.6,
        [FeatureNames.ThreatIntel] = 1.6,
        [FeatureNames.GeoVelocity] = 1.5,
        [FeatureNames.PriorCases] = 1.4,
        [FeatureNames.Sanctioned] = 2.4,
    };
}
