namespace Vigil.Pipeline.Learn;

/// <summary>
/// One replay: how many events the original and the tuned rule fire on, and the refs of events whose outcome is
/// wrong (benign still firing, or a true positive no longer firing).
/// </summary>
public sealed record ReplaySet(int Events, int FiredOriginal, int FiredTuned, IReadOnlyList<string> Wrong);
