namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>A finding against a case: which check, the ledger entry it points at (0 for the case record), when, and why.</summary>
public sealed record Gap(string Check, string CaseId, long Seq, DateTimeOffset At, string Detail);
