namespace Vigil.Domain.Ledger;

/// <summary>The last link of a chain, kept beside it so that a removed tail is detected, not just a broken middle.</summary>
public sealed record LedgerHead(string ChainId, long Seq, string Hash);
