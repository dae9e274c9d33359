namespace Vigil.Pipeline.Recommend;

/// <summary>A recommendation and, when an AI analyst was asked, its answer as checked (for the ledger).</summary>
public sealed record RecommendOutcome(Recommendation Recommendation, AiAnswer? Ai);
