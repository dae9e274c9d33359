namespace Vigil.Pipeline.Recommend;

/// <summary>The built-in analyst's features, in the fixed order the disposition model's vector uses.</summary>
public static class FeatureNames
{
    public const string DetectorQuality = "detector_quality";
    public const string RuleLevel = "rule_level";
    public const string Corroboration = "corroboration";
    public const string TacticProgression = "tactic_progression";
    public const string AssetCriticality = "asset_criticality";
    public const string Exposure = "exposure";
    public const string IdentityPrivilege = "identity_privilege";
    public const string ThreatIntel = "threat_intel";
    public const string GeoVelocity = "geo_velocity";
    public const string PriorCases = "prior_cases";
    public const string Sanctioned = "sanctioned_activity";

    /// <summary>How many features there are (the vector length the disposition model is trained on).</summary>
    public const int Count = 11;

    public static IReadOnlyList<string> All { get; } =
    [
        DetectorQuality, RuleLevel, Corroboration, TacticProgression, AssetCriticality, Exposure, IdentityPrivilege,
        ThreatIntel, GeoVelocity, PriorCases, Sanctioned,
    ];
}
