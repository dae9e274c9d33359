using Vigil.Domain.Entities;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task UpsertAlert_New_CreatesAndReadsBack()
    {
        await using var db = await OpenStoreAsync();
        var alert = NewAlert("a-1", entities: [Entity.Create(EntityType.Host, "WS-01"), Entity.Create(EntityType.Ip, "10.0.0.5")]);

        var upsert = await CommitAsync(db.Store, tx => tx.UpsertAlertAsync(alert, Ct));

        Assert.True(upsert.Created);
        Assert.Equal(alert.Id, upsert.Alert.Id);
        var stored = await db.Store.GetAlertAsync(alert.Id, Ct);
        Assert.NotNull(stored);
        Assert.Equal(upsert.Alert with { Entities = [], Tags = [] }, stored with { Entities = [], Tags = [] });
        Assert.Equal(alert.Entities, stored.Entities);
        Assert.Equal(alert.Tags, stored.Tags);
        Assert.Equal(Micros(alert.OccurredAt), stored.OccurredAt);
        Assert.Null(stored.CaseId);
        Assert.Equal(alert.Id, (await db.Store.FindAlertByFingerprintAsync(alert.Fingerprint, Ct))?.Id);
    }

    [Fact]
    public async Task UpsertAlert_Repeat_SameIdCountsOccurrenceAndMovesLastSeen()
    {
        await using var db = await OpenStoreAsync();
        var first = NewAlert("a-2");
        await CommitAsync(db.Store, tx => tx.UpsertAlertAsync(first, Ct));
        var repeat = NewAlert("a-2", T0.AddMinutes(5));

        var upsert = await CommitAsync(db.Store, tx => tx.UpsertAlertAsync(repeat, Ct));

        Assert.False(upsert.Created);
        Assert.Equal(first.Id, upsert.Alert.Id);
        Assert.Equal(2, upsert.Alert.OccurrenceCount);
        Assert.Equal(Micros(first.FirstSeen), upsert.Alert.FirstSeen);
        Assert.Equal(Micros(repeat.LastSeen), upsert.Alert.LastSeen);
        var stats = await db.Store.GetStatsAsync(Ct);
        Assert.Equal(1, stats.Alerts);
        Assert.Equal(2, stats.Occurrences);
    }

    [Fact]
    public async Task UpsertAlert_OlderRepeat_KeepsLatestLastSeen()
    {
        await using var db = await OpenStoreAsync();
        await CommitAsync(db.Store, tx => tx.UpsertAlertAsync(NewAlert("a-3", T0.AddMinutes(10)), Ct));

        var upsert = await CommitAsync(db.Store, tx => tx.UpsertAlertAsync(NewAlert("a-3", T0), Ct));

        Assert.Equal(Micros(T0.AddMinutes(10)), upsert.Alert.LastSeen);
    }

    [Fact]
    public async Task UpsertAlert_ConcurrentRepeats_NeverDuplicate()
    {
        await using var db = await OpenStoreAsync();
        const int Writers = 8;

        var results = await Task.WhenAll(Enumerable.Range(0, Writers).Select(i => Task.Run(
            () => CommitAsync(db.Store, tx => tx.UpsertAlertAsync(NewAlert("storm", T0.AddSeconds(i)), Ct)), Ct)));

        Assert.Single(results, r => r.Created);
        Assert.Single(results.Select(r => r.Alert.Id).Distinct());
        var stored = await db.Store.FindAlertByFingerprintAsync(results[0].Alert.Fingerprint, Ct);
        Assert.Equal(Writers, stored!.OccurrenceCount);
        Assert.Equal(1, (await db.Store.GetStatsAsync(Ct)).Alerts);
    }

    [Fact]
    public async Task UpsertAlert_RawPayload_RoundTripsExactly()
    {
        await using var db = await OpenStoreAsync();
        var controls = string.Concat(Enumerable.Range(1, 31).Select(c => (char)c)) + "\u007f\u0085\u2028\u2029";
        string[] payloads =
        [
            "{\"user\":\"Zoë Ångström\",\"msg\":\"日本語のテキスト\"}",
            "emoji 🛡️🔥👩‍💻 and a flag 🇫🇷 and a lone combining mark e\u0301",
            controls,
            "  leading and trailing whitespace, CRLF\r\n and tabs\t  ",
            "<script>alert('x')</script> '; DROP TABLE vigil_alerts; -- \\ % _",
            string.Concat(Enumerable.Repeat("0123456789abcdef", 65536)) + "é",
        ];

        for (var i = 0; i < payloads.Length; i++)
        {
            var alert = NewAlert($"payload-{i}", payload: payloads[i]);
            await CommitAsync(db.Store, tx => tx.UpsertAlertAsync(alert, Ct));
            var stored = await db.Store.GetAlertAsync(alert.Id, Ct);
            Assert.Equal(payloads[i], stored!.RawPayload, StringComparer.Ordinal);
        }
    }
}
