using System.Net;
using Vigil.Storage;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    [Fact]
    public async Task CaseLedger_AfterChanges_ListsEntriesAndVerifies()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "l-1");
        await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/transitions", """{"to": "correlated"}""");
        var ledger = await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/ledger");

        Assert.True((bool)ledger["intact"]!);
        Assert.Empty(ledger["problems"]!.AsArray());
        var entries = ledger["entries"]!.AsArray();
        Assert.Equal([1L, 2L], entries.Select(e => (long)e!["seq"]!));
        Assert.Equal((string)entries[0]!["hash"]!, (string)entries[1]!["prev_hash"]!);
    }

    [Fact]
    public async Task VerifyLedger_AfterTampering_NamesChainEntryAndKind()
    {
        await using var host = await StartAsync();
        var caseId = await OpenCaseAsync(host.Admin, "tamper-1");
        await PostOkAsync(host.Admin, $"/api/v1/cases/{caseId}/transitions", """{"to": "enriched"}""");
        var clean = await host.Admin.GetJsonAsync("/api/v1/ledger/verify");
        Assert.True((bool)clean["intact"]!);

        var changed = await ExecuteSqlAsync(Location!, $"UPDATE {VigilTables.Ledger} SET payload = replace(payload, 'enriched', 'learned') WHERE chain_id = '{caseId}' AND seq = 2");
        Assert.Equal(1, changed);

        var report = await host.Admin.GetJsonAsync("/api/v1/ledger/verify");
        Assert.False((bool)report["intact"]!);
        Assert.Equal([caseId], report["broken_chains"]!.AsArray().Select(c => (string)c!));
        var problem = report["problems"]!.AsArray().Single()!;
        Assert.Equal(caseId, (string)problem["chain"]!);
        Assert.Equal(2, (long)problem["seq"]!);
        Assert.Equal("changed", (string)problem["kind"]!);
        Assert.False((bool)(await host.Admin.GetJsonAsync($"/api/v1/cases/{caseId}/ledger"))["intact"]!);
    }
}
