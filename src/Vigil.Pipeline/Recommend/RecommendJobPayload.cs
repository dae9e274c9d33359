namespace Vigil.Pipeline.Recommend;

public sealed record RecommendJobPayload(string CaseId, string Trigger);
