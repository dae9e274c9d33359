namespace Vigil.Pipeline.Recommend;

/// <summary>One scored feature: its value (−1…1), its weight, what it added to the score, and why, with evidence.</summary>
public sealed record FeatureContribution
{
    /// <summary>Stable name, e.g. <c>threat_intel</c>.</summary>
    public required string Name { get; init; }

    public required double Value { get; init; }

    public required double Weight { get; init; }

    /// <summary>Value × weight: what the feature added to (or took from) the log-odds of a true positive.</summary>
    public double Contribution => Math.Round(Value * Weight, 4);

    public required string Explanation { get; init; }

    public IReadOnlyList<string> EvidenceIds { get; init; } = [];
}
