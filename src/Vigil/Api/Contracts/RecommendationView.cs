using Vigil.Pipeline.Recommend;

namespace Vigil.Api.Contracts;

/// <summary>A case's recommendation (the latest or a requested version) and the list of every version stored.</summary>
internal sealed record RecommendationView(Recommendation Recommendation, IReadOnlyList<RecommendationVersion> Versions);
