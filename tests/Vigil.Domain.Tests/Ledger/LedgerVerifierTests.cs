using Vigil.Domain.Ledger;

namespace Vigil.Domain.Tests.Ledger;

public sealed class LedgerVerifierTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    private static List<LedgerEntry> Chain(int length)
    {
        var entries = new List<LedgerEntry>();
        LedgerHead? head = null;
        for (var i = 0; i < length; i++)
        {
            var entry = LedgerHasher.Next(head, "cas_1", i == 0 ? LedgerKinds.CaseOpened : LedgerKinds.NoteAdded,
                Actor.Human("alice"), T0.AddSeconds(i).AddTicks(1234567), $$"""{"n":{{i}}}""");
            entries.Add(entry);
            head = new LedgerHead(entry.ChainId, entry.Seq, entry.Hash);
        }

        return entries;
    }

    private static LedgerHead HeadOf(List<LedgerEntry> chain) => new(chain[^1].ChainId, chain[^1].Seq, chain[^1].Hash);

    [Fact]
    public void Verify_IntactChain_HasNoProblems()
    {
        var chain = Chain(5);

        var result = LedgerVerifier.Verify("cas_1", chain, HeadOf(chain));

        Assert.True(result.IsIntact);
        Assert.Equal(5, result.Entries);
        Assert.Equal(LedgerHasher.Genesis, chain[0].PrevHash);
    }

    [Fact]
    public void Verify_ChangedPayload_NamesTheChangedEntry()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain[2] = chain[2] with { Payload = """{"n":99}""" };

        var result = LedgerVerifier.Verify("cas_1", chain, head);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Seq);
        Assert.Equal("changed", problem.Kind);
    }

    [Fact]
    public void Verify_ChangedActorOrTime_IsDetected()
    {
        var chain = Chain(3);
        var head = HeadOf(chain);
        chain[1] = chain[1] with { Actor = Actor.Human("mallory") };
        chain[2] = chain[2] with { At = chain[2].At.AddSeconds(1) };

        var result = LedgerVerifier.Verify("cas_1", chain, head);

        Assert.Equal([2L, 3L], result.Problems.Where(p => p.Kind == "changed").Select(p => p.Seq));
    }

    [Fact]
    public void Verify_RemovedMiddleEntry_IsReportedMissing()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain.RemoveAt(2);

        var result = LedgerVerifier.Verify("cas_1", chain, head);

        Assert.Contains(result.Problems, p => p.Kind == "missing" && p.Seq == 3);
    }

    [Fact]
    public void Verify_RemovedLastEntry_IsReportedTruncatedAgainstHead()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        chain.RemoveAt(4);

        var result = LedgerVerifier.Verify("cas_1", chain, head);

        var problem = Assert.Single(result.Problems);
        Assert.Equal("truncated", problem.Kind);
        Assert.Equal(5, problem.Seq);
    }

    [Fact]
    public void Verify_RenumberedSwap_IsReportedAsBrokenLinksAndChanges()
    {
        var chain = Chain(5);
        var head = HeadOf(chain);
        // An attacker swaps entries 2 and 3 and renumbers them so the sequence looks continuous.
        var two = chain[1];
        var three = chain[2];
        chain[1] = three with { Seq = 2 };
        chain[2] = two with { Seq = 3 };

        var result = LedgerVerifier.Verify("cas_1", chain, head);

        Assert.False(result.IsIntact);
        Assert.Contains(result.Problems, p => p.Seq == 2);
        Assert.Contains(result.Problems, p => p.Seq == 3);
    }

    [Fact]
    public void Verify_RecomputedForgery_IsCaughtByTheNextLinkOrHead()
    {
        var chain = Chain(4);
        var head = HeadOf(chain);
        // Rewrite entry 2 and recompute its own hash: entry 3's previous hash no longer matches.
        var forged = chain[1] with { Payload = """{"n":"forged"}""" };
        chain[1] = forged with { Hash = LedgerHasher.Compute(forged.ChainId, forged.Seq, forged.Kind, forged.Actor, forged.At, forged.Payload, forged.PrevHash) };

        var result = LedgerVerifier.Verify("cas_1", chain, head);

        var problem = Assert.Single(result.Problems);
        Assert.Equal(3, problem.Seq);
        Assert.Equal("broken_link", problem.Kind);
    }

    [Fact]
    public void Verify_EntryAppendedOutsideVigil_IsReportedUnrecorded()
    {
        var chain = Chain(3);
        var head = HeadOf(chain);
        var extra = LedgerHasher.Next(head, "cas_1", LedgerKinds.NoteAdded, Actor.Human("mallory"), T0.AddHours(1), "{}");
        chain.Add(extra);

        var result = LedgerVerifier.Verify("cas_1", chain, head);

        Assert.Contains(result.Problems, p => p.Kind == "unrecorded" && p.Seq == 4);
    }

    [Fact]
    public void Hasher_TruncatesToMicroseconds_SoBothEnginesHashTheSameTime()
    {
        var at = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)).AddTicks(1234567);

        var truncated = LedgerHasher.Truncate(at);

        Assert.Equal(TimeSpan.Zero, truncated.Offset);
        Assert.Equal(0, truncated.Ticks % 10);
        Assert.Equal("2026-01-02T01:04:05.123456Z", LedgerHasher.FormatTime(at));
        Assert.Equal(LedgerHasher.FormatTime(at), LedgerHasher.FormatTime(truncated));
    }

    [Fact]
    public void Actor_RoundTripsThroughText()
    {
        foreach (var actor in new[] { Actor.Human("alice"), Actor.Automation("correlator"), Actor.ApiKey("siem:forwarder"), Actor.System })
        {
            Assert.Equal(actor, Actor.Parse(actor.ToString()));
        }

        Assert.Throws<FormatException>(() => Actor.Parse("nobody"));
        Assert.Throws<FormatException>(() => Actor.Parse("robot:x"));
    }
}
