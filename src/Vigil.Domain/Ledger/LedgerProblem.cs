namespace Vigil.Domain.Ledger;

/// <summary>One thing wrong with a chain: which entry, what kind of tampering it points to, and a sentence.</summary>
public sealed record LedgerProblem(long Seq, string Kind, string Message);
