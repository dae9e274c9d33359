namespace Vigil.Domain.Ledger;

/// <summary>
/// Walks a chain and names every problem: a changed entry (its hash no longer matches its content), a removed entry
/// (a gap in sequence numbers, or a tail shorter than the recorded head), a reordered or spliced entry (its previous
/// hash is not the hash of the entry before it).
/// </summary>
public static class LedgerVerifier
{
    public static LedgerVerification Verify(string chainId, IReadOnlyList<LedgerEntry> entries, LedgerHead? head)
    {
        var problems = new List<LedgerProblem>();
        string expectedPrev = LedgerHasher.Genesis;
        long expectedSeq = 1;
        foreach (var entry in entries)
        {
            if (entry.Seq < expectedSeq)
            {
                problems.Add(new LedgerProblem(entry.Seq, "out_of_order", $"entry {entry.Seq} appears after entry {expectedSeq - 1}: reordered or duplicated"));
            }
            else if (entry.Seq > expectedSeq)
            {
                var missing = expectedSeq == entry.Seq - 1 ? $"{expectedSeq}" : $"{expectedSeq}-{entry.Seq - 1}";
                problems.Add(new LedgerProblem(expectedSeq, "missing", $"entry {missing} is missing: removed"));
            }

            var recomputed = LedgerHasher.Compute(entry.ChainId, entry.Seq, entry.Kind, entry.Actor, entry.At, entry.Payload, entry.PrevHash);
            if (!string.Equals(recomputed, entry.Hash, StringComparison.Ordinal))
            {
                problems.Add(new LedgerProblem(entry.Seq, "changed", $"entry {entry.Seq} ({entry.Kind}) does not match its hash: its content was changed"));
            }

            if (!string.Equals(entry.PrevHash, expectedPrev, StringComparison.Ordinal) && entry.Seq == expectedSeq)
            {
                problems.Add(new LedgerProblem(entry.Seq, "broken_link", $"entry {entry.Seq} does not follow entry {entry.Seq - 1}: its previous hash differs (changed, reordered or spliced)"));
            }

            expectedPrev = entry.Hash;
            expectedSeq = Math.Max(expectedSeq, entry.Seq) + 1;
        }

        var lastSeq = expectedSeq - 1;
        if (head is not null)
        {
            if (head.Seq > lastSeq)
            {
                problems.Add(new LedgerProblem(lastSeq + 1, "truncated", $"the chain ends at entry {lastSeq} but its head records entry {head.Seq}: entries removed from the end"));
            }
            else if (head.Seq == lastSeq && !string.Equals(head.Hash, expectedPrev, StringComparison.Ordinal))
            {
                problems.Add(new LedgerProblem(lastSeq, "head_mismatch", $"the last entry {lastSeq} does not match the recorded head hash"));
            }
            else if (head.Seq < lastSeq)
            {
                problems.Add(new LedgerProblem(head.Seq + 1, "unrecorded", $"entries after {head.Seq} are not recorded in the head: appended outside Vigil"));
            }
        }

        return new LedgerVerification(chainId, entries.Count, problems);
    }
}
