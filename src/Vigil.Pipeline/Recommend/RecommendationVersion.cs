using Vigil.Domain;

namespace Vigil.Pipeline.Recommend;

/// <summary>One stored version of a case's recommendation, for the history list.</summary>
public sealed record RecommendationVersion
{
    public required string Id { get; init; }

    public required int Version { get; init; }

    public required string Model { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public required Severity Severity { get; init; }

    public required Disposition Disposition { get; init; }

    public required double Confidence { get; init; }

    public required string InputDigest { get; init; }
}
