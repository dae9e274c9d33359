using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Evidence;

/// <summary>
/// A ledger entry on the wire (bulk export, webhook stream): <see cref="EntryId"/> is "chain:seq", stable forever, so
/// a receiver deduplicates redeliveries by it; payload is the hashed text, so the receiver can re-verify the chain.
/// </summary>
public sealed record LedgerRecord(string EntryId, string ChainId, long Seq, string Kind, string Actor, string At, string Payload, string PrevHash, string Hash)
{
    public static LedgerRecord Of(LedgerEntry entry) => new(
        string.Concat(entry.ChainId, ":", entry.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        entry.ChainId,
        entry.Seq,
        entry.Kind,
        entry.Actor.ToString(),
        LedgerHasher.FormatTime(entry.At),
        entry.Payload,
        entry.PrevHash,
        entry.Hash);
}
