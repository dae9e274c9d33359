using Vigil.Domain.Ledger;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    private const string Chain = "cas_ledgertest";

    [Fact]
    public async Task AppendLedger_ThenRead_RoundTripsExactlyAndVerifies()
    {
        await using var db = await OpenStoreAsync();
        var appended = new List<LedgerEntry>();
        // Two transactions, several entries each, odd ticks and offsets: what is read back must hash the same.
        for (var batch = 0; batch < 2; batch++)
        {
            var offset = batch;
            await CommitAsync(db.Store, async tx =>
            {
                for (var i = 0; i < 3; i++)
                {
                    var at = T0.AddTicks((offset * 3) + i + 7).ToOffset(TimeSpan.FromHours(offset * 5.5));
                    appended.Add(await tx.AppendLedgerAsync(Chain, LedgerKinds.StateChanged, Actor.Human("alice"), at, $"{{\"to\":\"step {i}\",\"emoji\":\"🔒\"}}", Ct));
                }
            });
        }

        var read = await db.Store.ReadLedgerAsync(Chain, Ct);
        var head = await db.Store.GetLedgerHeadAsync(Chain, Ct);

        Assert.Equal(appended, read);
        Assert.Equal([1L, 2, 3, 4, 5, 6], read.Select(e => e.Seq));
        Assert.Equal(new LedgerHead(Chain, 6, appended[^1].Hash), head);
        Assert.True(LedgerVerifier.Verify(Chain, read, head).IsIntact);
        Assert.Equal([Chain], await db.Store.ListLedgerChainsAsync(Ct));
    }

    [Fact]
    public async Task Ledger_PayloadChangedInSql_VerifierNamesChangedEntry()
    {
        await using var db = await OpenStoreAsync();
        await AppendFiveAsync(db);

        await db.ExecuteSqlAsync($"UPDATE {VigilTables.Ledger} SET payload = '{{\"n\":99}}' WHERE chain_id = '{Chain}' AND seq = 3");

        var problems = await VerifyAsync(db);
        Assert.Contains(problems, p => p.Kind == "changed" && p.Seq == 3);
    }

    [Fact]
    public async Task Ledger_MiddleRowDeleted_VerifierNamesMissingEntry()
    {
        await using var db = await OpenStoreAsync();
        await AppendFiveAsync(db);

        await db.ExecuteSqlAsync($"DELETE FROM {VigilTables.Ledger} WHERE chain_id = '{Chain}' AND seq = 3");

        var problems = await VerifyAsync(db);
        Assert.Contains(problems, p => p.Kind == "missing" && p.Seq == 3);
    }

    [Fact]
    public async Task Ledger_LastRowDeleted_VerifierNamesTruncation()
    {
        await using var db = await OpenStoreAsync();
        await AppendFiveAsync(db);

        await db.ExecuteSqlAsync($"DELETE FROM {VigilTables.Ledger} WHERE chain_id = '{Chain}' AND seq = 5");

        var problems = await VerifyAsync(db);
        Assert.Contains(problems, p => p.Kind == "truncated" && p.Seq == 5);
    }

    [Fact]
    public async Task Ledger_TwoRowsSwapped_VerifierNamesChangedEntries()
    {
        await using var db = await OpenStoreAsync();
        await AppendFiveAsync(db);

        await db.ExecuteSqlAsync($"UPDATE {VigilTables.Ledger} SET seq = -2 WHERE chain_id = '{Chain}' AND seq = 2");
        await db.ExecuteSqlAsync($"UPDATE {VigilTables.Ledger} SET seq = 2 WHERE chain_id = '{Chain}' AND seq = 4");
        await db.ExecuteSqlAsync($"UPDATE {VigilTables.Ledger} SET seq = 4 WHERE chain_id = '{Chain}' AND seq = -2");

        var problems = await VerifyAsync(db);
        Assert.Contains(problems, p => p.Kind == "changed" && p.Seq == 2);
        Assert.Contains(problems, p => p.Kind == "changed" && p.Seq == 4);
    }

    [Fact]
    public async Task AppendLedger_ConcurrentWriters_KeepOneValidChain()
    {
        await using var db = await OpenStoreAsync();
        const int Writers = 8;
        const int Appends = 50;

        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => Task.Run(async () =>
        {
            for (var i = 0; i < Appends; i++)
            {
                await CommitAsync(db.Store, tx => tx.AppendLedgerAsync(LedgerChains.System, LedgerKinds.ApiKeyCreated, Actor.Automation($"writer-{w}"), T0.AddSeconds(i), $"{{\"i\":{i}}}", Ct));
            }
        }, Ct)));

        var entries = await db.Store.ReadLedgerAsync(LedgerChains.System, Ct);
        var verification = LedgerVerifier.Verify(LedgerChains.System, entries, await db.Store.GetLedgerHeadAsync(LedgerChains.System, Ct));
        Assert.Equal(Writers * Appends, entries.Count);
        Assert.True(verification.IsIntact, string.Join("; ", verification.Problems.Select(p => p.Message)));
    }

    [Fact]
    public async Task AppendLedger_ManyNewCasesInOneBatchThenMore_EveryChainVerifies()
    {
        await using var db = await OpenStoreAsync();
        // More chains than one head statement carries, opened in the same transaction as their cases.
        var cases = Enumerable.Range(0, 450).Select(i => NewCase($"batch {i}")).ToArray();
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var @case in cases)
            {
                await tx.InsertCaseAsync(@case, Ct);
                await tx.AppendLedgerAsync(@case.Id, LedgerKinds.CaseOpened, Actor.Automation("ingest"), T0, "{}", Ct);
                await tx.AppendLedgerAsync(@case.Id, LedgerKinds.AlertAttached, Actor.Automation("ingest"), T0, "{}", Ct);
            }
        });
        await CommitAsync(db.Store, tx => tx.AppendLedgerAsync(cases[7].Id, LedgerKinds.Closed, Actor.Human("carol"), T0.AddDays(1), "{}", Ct));

        foreach (var @case in cases)
        {
            var entries = await db.Store.ReadLedgerAsync(@case.Id, Ct);
            var head = await db.Store.GetLedgerHeadAsync(@case.Id, Ct);
            Assert.True(LedgerVerifier.Verify(@case.Id, entries, head).IsIntact);
            Assert.Equal(@case == cases[7] ? 3 : 2, head!.Seq);
        }

        Assert.Equal(450, (await db.Store.ListLedgerChainsAsync(Ct)).Count);
    }

    private static async Task AppendFiveAsync(StoreUnderTest db)
    {
        await CommitAsync(db.Store, async tx =>
        {
            for (var i = 1; i <= 5; i++)
            {
                await tx.AppendLedgerAsync(Chain, LedgerKinds.NoteAdded, Actor.Human("bob"), T0.AddMinutes(i), $"{{\"n\":{i}}}", Ct);
            }
        });
        Assert.True(await VerifyAsync(db) is { Count: 0 });
    }

    private static async Task<IReadOnlyList<LedgerProblem>> VerifyAsync(StoreUnderTest db) =>
        LedgerVerifier.Verify(Chain, await db.Store.ReadLedgerAsync(Chain, Ct), await db.Store.GetLedgerHeadAsync(Chain, Ct)).Problems;
}
