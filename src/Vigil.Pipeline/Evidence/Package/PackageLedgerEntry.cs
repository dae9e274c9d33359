namespace Vigil.Pipeline.Evidence;

/// <summary>
/// A ledger entry exactly as hashed: <see cref="At"/> in the hasher's microsecond format and <see cref="Payload"/> as the
/// hashed text (a string, not a parsed object), so a verifier recomputes the same SHA-256 from the package alone.
/// </summary>
public sealed record PackageLedgerEntry(long Seq, string Kind, string Actor, string At, string Payload, string PrevHash, string Hash);
