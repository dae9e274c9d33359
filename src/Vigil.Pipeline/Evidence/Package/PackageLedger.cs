namespace Vigil.Pipeline.Evidence;

/// <summary>The case's hash chain as stored when the package was made, and the head it ended at.</summary>
public sealed record PackageLedger(string ChainId, long HeadSeq, string HeadHash, IReadOnlyList<PackageLedgerEntry> Entries);
