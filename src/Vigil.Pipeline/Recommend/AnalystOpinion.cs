using Vigil.Domain;

namespace Vigil.Pipeline.Recommend;

/// <summary>The built-in analyst's output before it is verified, blended and stored as a <see cref="Recommendation"/>.</summary>
public sealed record AnalystOpinion
{
    public required CaseReading Reading { get; init; }

    public required IReadOnlyList<FeatureContribution> Features { get; init; }

    public required double TruePositiveProbability { get; init; }

    public required Disposition Disposition { get; init; }

    public required Severity Severity { get; init; }

    public required double Confidence { get; init; }

    public required string Headline { get; init; }

    public required IReadOnlyList<Claim> Claims { get; init; }

    public required IReadOnlyList<MissingContext> MissingContext { get; init; }

    public required IReadOnlyList<ProposedAction> Actions { get; init; }
}
