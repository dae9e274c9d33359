using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Tests.Compliance;

/// <summary>
/// What every engine must do, written once and run against each (SqliteStoreTests, PostgresStoreTests), so that the
/// two cannot drift apart. Each test opens a fresh, migrated store.
/// </summary>
public abstract partial class StoreCompliance
{
    // Sub-microsecond ticks on purpose: the store keeps microseconds and must say so consistently.
    protected static readonly DateTimeOffset T0 = new DateTimeOffset(2026, 3, 1, 12, 0, 0, TimeSpan.Zero).AddTicks(1234567);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<StoreUnderTest> OpenStoreAsync();

    protected static DateTimeOffset Micros(DateTimeOffset time) => new(time.UtcTicks - (time.UtcTicks % 10), TimeSpan.Zero);

    protected static Alert NewAlert(string sourceRef, DateTimeOffset? at = null, string payload = "{\"k\":1}", params Entity[] entities)
    {
        var when = at ?? T0;
        return new Alert
        {
            Id = Ids.New(Ids.Alert),
            Source = "edr",
            SourceRef = sourceRef,
            Title = "Suspicious " + sourceRef,
            Description = "from a test",
            Severity = Severity.High,
            OccurredAt = when.AddMinutes(-1),
            ReceivedAt = when,
            Fingerprint = AlertFingerprint.Compute("edr", sourceRef),
            RawPayload = payload,
            Entities = entities,
            Tags = ["attack.t1059", "test"],
            FirstSeen = when,
            LastSeen = when,
        };
    }

    protected static Case NewCase(string title = "Case", DateTimeOffset? openedAt = null, Severity severity = Severity.Medium) => new()
    {
        Id = Ids.New(Ids.Case),
        Title = title,
        State = CaseState.Normalised,
        SeverityAtOpen = severity,
        Severity = severity,
        OpenedAt = openedAt ?? T0,
        UpdatedAt = openedAt ?? T0,
        SlaDueAt = (openedAt ?? T0).AddHours(4),
        AlertCount = 0,
    };

    protected static CaseAlertLink Link(Case @case, Alert alert) => new()
    {
        CaseId = @case.Id,
        AlertId = alert.Id,
        OriginCaseId = @case.Id,
        JoinedAt = T0,
        Reason = "test",
    };

    protected static async Task CommitAsync(IVigilStore store, Func<IStoreTransaction, Task> work)
    {
        await using var transaction = await store.BeginAsync(Ct);
        await work(transaction);
        await transaction.CommitAsync(Ct);
    }

    protected static async Task<T> CommitAsync<T>(IVigilStore store, Func<IStoreTransaction, Task<T>> work)
    {
        await using var transaction = await store.BeginAsync(Ct);
        var result = await work(transaction);
        await transaction.CommitAsync(Ct);
        return result;
    }

    [Fact]
    public async Task Migrate_Twice_SecondAppliesNothingAndEveryTableExists()
    {
        await using var db = await OpenStoreAsync();
        Assert.Empty(await db.Store.MigrateAsync(Ct));
        Assert.Equal(1, await db.ExecuteSqlAsync($"SELECT COUNT(*) FROM {VigilTables.Migrations} WHERE name = '0001_initial'"));
        foreach (var table in VigilTables.All)
        {
            Assert.True(await db.ExecuteSqlAsync($"SELECT COUNT(*) FROM {table}") >= 0);
        }
    }

    [Fact]
    public async Task Ping_OpenStore_ReturnsTrue()
    {
        await using var db = await OpenStoreAsync();
        Assert.True(await db.Store.PingAsync(Ct));
    }
}
