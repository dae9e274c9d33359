using Vigil.Domain.Evidence;
using Vigil.Domain.Learn;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    private static SigningKey Key(string id) => new()
    {
        Id = id,
        Purpose = "evidence-package",
        Algorithm = "ECDSA_P256_SHA256",
        PublicKey = "cHVibGlj" + id,
        PrivateKey = "cHJpdmF0ZQ==",
        CreatedAt = T0,
    };

    [Fact]
    public async Task InsertSigningKey_SecondForSamePurpose_IsRefusedAndFirstIsKept()
    {
        await using var db = await OpenStoreAsync();
        Assert.Null(await db.Store.GetSigningKeyAsync("evidence-package", Ct));

        Assert.True(await CommitAsync(db.Store, tx => tx.InsertSigningKeyAsync(Key("k1"), Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.InsertSigningKeyAsync(Key("k2"), Ct)));

        Assert.Equal(Key("k1") with { CreatedAt = Micros(T0) }, await db.Store.GetSigningKeyAsync("evidence-package", Ct));
    }

    [Fact]
    public async Task ReadLedgerQuery_PagesAcrossChainsInOrderAndFiltersByTime()
    {
        await using var db = await OpenStoreAsync();
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var chain in new[] { "cas_b", "cas_a" })
            {
                for (var i = 0; i < 3; i++)
                {
                    await tx.AppendLedgerAsync(chain, LedgerKinds.NoteAdded, Actor.Human("alice"), T0.AddHours(i), "{}", Ct);
                }
            }
        });

        var first = await db.Store.ReadLedgerAsync(new LedgerQuery { Limit = 4 }, Ct);
        var rest = await db.Store.ReadLedgerAsync(new LedgerQuery { Limit = 4, AfterChain = first[^1].ChainId, AfterSeq = first[^1].Seq }, Ct);
        var window = await db.Store.ReadLedgerAsync(new LedgerQuery { From = T0.AddMinutes(30), To = T0.AddHours(2) }, Ct);

        Assert.Equal(["cas_a:1", "cas_a:2", "cas_a:3", "cas_b:1"], first.Select(e => $"{e.ChainId}:{e.Seq}"));
        Assert.Equal(["cas_b:2", "cas_b:3"], rest.Select(e => $"{e.ChainId}:{e.Seq}"));
        Assert.Equal(["cas_a:2", "cas_b:2"], window.Select(e => $"{e.ChainId}:{e.Seq}"));
    }

    [Fact]
    public async Task TuningProposal_InsertListAndDecideOnce()
    {
        await using var db = await OpenStoreAsync();
        var proposal = new TuningProposal { Id = "tun_1", CaseId = "cas_1", RuleId = "r-1", Status = TuningStatus.Proposed, CreatedAt = T0, Document = """{"diff":"+ filter"}""" };
        await CommitAsync(db.Store, tx => tx.InsertTuningProposalAsync(proposal, Ct));

        Assert.True(await CommitAsync(db.Store, tx => tx.DecideTuningProposalAsync("tun_1", TuningStatus.Accepted, "human:dee", T0.AddHours(1), Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.DecideTuningProposalAsync("tun_1", TuningStatus.Rejected, "human:eve", T0.AddHours(2), Ct)));

        var stored = await db.Store.GetTuningProposalAsync("tun_1", Ct);
        Assert.Equal(proposal with { CreatedAt = Micros(T0), Status = TuningStatus.Accepted, DecidedBy = "human:dee", DecidedAt = Micros(T0.AddHours(1)) }, stored);
        Assert.Equal(["tun_1"], (await db.Store.ListTuningProposalsAsync("cas_1", Ct)).Select(p => p.Id));
        Assert.Empty(await db.Store.ListTuningProposalsAsync("cas_2", Ct));
        Assert.Single(await db.Store.ListTuningProposalsAsync(null, Ct));
    }

    [Fact]
    public async Task LearningTask_InsertUpdateAndListOpen()
    {
        await using var db = await OpenStoreAsync();
        var task = new LearningTask
        {
            Id = "lrn_1", CaseId = "cas_1", Kind = LearningTaskKind.DecideTuning, Title = "Decide the tuning", Owner = "dee",
            DueAt = T0.AddDays(7), Status = LearningTaskStatus.Open, CreatedAt = T0, RefId = "tun_1",
        };
        var other = task with { Id = "lrn_2", CaseId = "cas_2", Kind = LearningTaskKind.SaveScenario, Owner = null, RefId = null };
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertLearningTaskAsync(task, Ct);
            await tx.InsertLearningTaskAsync(other, Ct);
        });

        await CommitAsync(db.Store, async tx =>
        {
            var locked = await tx.GetLearningTaskForUpdateAsync("lrn_1", Ct);
            Assert.NotNull(locked);
            await tx.UpdateLearningTaskAsync(locked with { Status = LearningTaskStatus.Done, DoneAt = T0.AddDays(1) }, Ct);
        });

        Assert.Equal(["lrn_2"], (await db.Store.ListLearningTasksAsync(null, openOnly: true, Ct)).Select(t => t.Id));
        var done = Assert.Single(await db.Store.ListLearningTasksAsync("cas_1", openOnly: false, Ct));
        Assert.Equal(task with { CreatedAt = Micros(T0), DueAt = Micros(T0.AddDays(7)), Status = LearningTaskStatus.Done, DoneAt = Micros(T0.AddDays(1)) }, done);
    }
}
