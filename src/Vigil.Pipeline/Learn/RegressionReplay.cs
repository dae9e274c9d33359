namespace Vigil.Pipeline.Learn;

/// <summary>A SigmaHQ regression case replayed against the tuned rule: it must still match at least the expected number of times.</summary>
public sealed record RegressionReplay(string RuleId, string Events, int Expected, int MatchedOriginal, int MatchedTuned, bool Passed, string? Error);
