using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task ListCases_EverySortPagedThroughThousandCases_VisitsEachOnceInOrder()
    {
        await using var db = await OpenStoreAsync();
        // Many ties in every sort key, so that only the id tie-break keeps pages from skipping or repeating.
        var cases = Enumerable.Range(0, 1000).Select(i => NewCase($"case {i}", T0.AddMinutes(i % 50), (Severity)((i % 5) + 1)) with
        {
            UpdatedAt = T0.AddHours(i % 7),
            SlaDueAt = T0.AddHours(i % 3),
            State = i % 4 == 0 ? CaseState.Closed : CaseState.Correlated,
        }).ToArray();
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var @case in cases)
            {
                await tx.InsertCaseAsync(@case, Ct);
            }
        });

        foreach (var sort in Enum.GetValues<CaseSort>())
        {
            Assert.Equal(Expected(cases, sort), await PageThroughAsync(db.Store, new CaseQuery { Sort = sort, Limit = 37 }));
            var filtered = cases.Where(c => !c.IsClosed && c.Severity >= Severity.High);
            Assert.Equal(Expected(filtered, sort), await PageThroughAsync(db.Store, new CaseQuery { Sort = sort, Limit = 50, Open = true, MinSeverity = Severity.High }));
        }
    }

    [Fact]
    public async Task ListCases_Filters_SelectMatchingCases()
    {
        await using var db = await OpenStoreAsync();
        var phishing = NewCase("Phishing wave: 100% of FINANCE", T0) with { Owner = "alice", State = CaseState.Recommended };
        var malware = NewCase("Malware on ws_01", T0.AddHours(1), Severity.Critical) with { Owner = "bob" };
        var closed = NewCase("Old phishing", T0.AddHours(2), Severity.Low) with { State = CaseState.Closed };
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var @case in new[] { phishing, malware, closed })
            {
                await tx.InsertCaseAsync(@case, Ct);
            }
        });

        async Task<string[]> Titles(CaseQuery query) =>
            [.. (await db.Store.ListCasesAsync(query with { Sort = CaseSort.OpenedAsc }, Ct)).Items.Select(c => c.Title)];

        Assert.Equal([phishing.Title, closed.Title], await Titles(new CaseQuery { Text = "PHISHING" }));
        Assert.Equal([phishing.Title], await Titles(new CaseQuery { Text = "100%" }));
        Assert.Equal([malware.Title], await Titles(new CaseQuery { Text = "ws_0" }));
        Assert.Empty(await Titles(new CaseQuery { Text = "ws%0" }));
        Assert.Equal([phishing.Title, malware.Title], await Titles(new CaseQuery { Open = true }));
        Assert.Equal([closed.Title], await Titles(new CaseQuery { Open = false }));
        Assert.Equal([phishing.Title, closed.Title], await Titles(new CaseQuery { States = [CaseState.Recommended, CaseState.Closed], Open = true }));
        Assert.Equal([malware.Title], await Titles(new CaseQuery { MinSeverity = Severity.High }));
        Assert.Equal([malware.Title], await Titles(new CaseQuery { Owner = "bob" }));
        Assert.Equal([malware.Title, closed.Title], await Titles(new CaseQuery { OpenedAfter = T0.AddMinutes(30) }));
        Assert.Equal([phishing.Title, malware.Title], await Titles(new CaseQuery { OpenedBefore = T0.AddHours(2) }));
        Assert.Equal([malware.Title], await Titles(new CaseQuery { OpenedAfter = T0.AddMinutes(30), OpenedBefore = T0.AddHours(2) }));
    }

    [Fact]
    public async Task ListCases_LimitOutOfRange_IsClamped()
    {
        await using var db = await OpenStoreAsync();
        var cases = Enumerable.Range(0, 502).Select(i => NewCase($"c{i}", T0.AddSeconds(i))).ToArray();
        await CommitAsync(db.Store, async tx =>
        {
            foreach (var @case in cases)
            {
                await tx.InsertCaseAsync(@case, Ct);
            }
        });

        var one = await db.Store.ListCasesAsync(new CaseQuery { Limit = 0 }, Ct);
        var most = await db.Store.ListCasesAsync(new CaseQuery { Limit = 100_000 }, Ct);

        Assert.Single(one.Items);
        Assert.NotNull(one.Next);
        Assert.Equal(500, most.Items.Count);
        Assert.NotNull(most.Next);
        var rest = await db.Store.ListCasesAsync(new CaseQuery { Limit = 100_000, After = most.Next }, Ct);
        Assert.Equal(2, rest.Items.Count);
        Assert.Null(rest.Next);
    }

    [Fact]
    public async Task ListCases_CursorOfAnotherSortOrGarbage_IsRefused()
    {
        await using var db = await OpenStoreAsync();
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertCaseAsync(NewCase("a"), Ct);
            await tx.InsertCaseAsync(NewCase("b"), Ct);
        });
        var page = await db.Store.ListCasesAsync(new CaseQuery { Limit = 1, Sort = CaseSort.OpenedDesc }, Ct);

        await Assert.ThrowsAsync<FormatException>(() => db.Store.ListCasesAsync(new CaseQuery { Sort = CaseSort.SeverityDesc, After = page.Next }, Ct));
        await Assert.ThrowsAsync<FormatException>(() => db.Store.ListCasesAsync(new CaseQuery { After = "not a cursor!" }, Ct));
        await Assert.ThrowsAsync<FormatException>(() => db.Store.ListCasesAsync(new CaseQuery { After = "Zm9vYmFy" }, Ct));
    }

    private static async Task<List<string>> PageThroughAsync(IVigilStore store, CaseQuery query)
    {
        var ids = new List<string>();
        string? after = null;
        do
        {
            var page = await store.ListCasesAsync(query with { After = after }, Ct);
            Assert.True(page.Items.Count <= query.Limit);
            ids.AddRange(page.Items.Select(c => c.Id));
            after = page.Next;
        }
        while (after is not null);

        return ids;
    }

    private static List<string> Expected(IEnumerable<Case> cases, CaseSort sort)
    {
        var ordered = sort switch
        {
            CaseSort.OpenedDesc => cases.OrderByDescending(c => c.OpenedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal),
            CaseSort.OpenedAsc => cases.OrderBy(c => c.OpenedAt).ThenBy(c => c.Id, StringComparer.Ordinal),
            CaseSort.SeverityDesc => cases.OrderByDescending(c => c.Severity).ThenBy(c => c.SlaDueAt).ThenBy(c => c.Id, StringComparer.Ordinal),
            CaseSort.SlaDueAsc => cases.OrderBy(c => c.SlaDueAt).ThenBy(c => c.Id, StringComparer.Ordinal),
            CaseSort.UpdatedDesc => cases.OrderByDescending(c => c.UpdatedAt).ThenByDescending(c => c.Id, StringComparer.Ordinal),
            _ => throw new ArgumentOutOfRangeException(nameof(sort)),
        };
        return [.. ordered.Select(c => c.Id)];
    }
}
