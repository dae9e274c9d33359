using Microsoft.Extensions.Time.Testing;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Correlate;

/// <summary>An <see cref="AlertIngestor"/> grouping with <see cref="EntityGroupingAssigner"/> over a real SQLite store.</summary>
internal sealed class GroupingKit : IAsyncDisposable
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    private static readonly Actor Tester = new(ActorKind.System, "test");
    private readonly TempDirectory _directory;
    private int _next;

    private GroupingKit(TempDirectory directory, IVigilStore store, GroupingPolicy policy)
    {
        _directory = directory;
        Store = store;
        Ingestor = new AlertIngestor(store, new EntityGroupingAssigner(policy), new FakeTimeProvider(T0.AddDays(30)));
    }

    public IVigilStore Store { get; }

    public AlertIngestor Ingestor { get; }

    public static async Task<GroupingKit> StartAsync(GroupingPolicy? policy = null)
    {
        var directory = new TempDirectory("vigil-grouping");
        var store = new StoreFactory().Open(new StoreLocation { DataDirectory = directory.Path });
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        return new GroupingKit(directory, store, policy ?? GroupingPolicyLoader.LoadDefault());
    }

    public static Entity Host(string name) => Entity.Create(EntityType.Host, name);

    public static Entity User(string name) => Entity.Create(EntityType.User, name);

    public AlertDraft Draft(DateTimeOffset occurredAt, params Entity[] entities) => Draft("edr", occurredAt, entities);

    public AlertDraft Draft(string source, DateTimeOffset occurredAt, params Entity[] entities) => new()
    {
        Source = source,
        SourceRef = $"ref-{Interlocked.Increment(ref _next)}",
        Title = $"alert {_next}",
        Severity = Severity.Medium,
        OccurredAt = occurredAt,
        RawPayload = "{}",
        Entities = entities,
    };

    /// <summary>Ingests the drafts in one call (one transaction) and returns the case each joined.</summary>
    public async Task<string[]> IngestAsync(params AlertDraft[] drafts)
    {
        var outcomes = await Ingestor.IngestAsync(drafts, Tester, TestContext.Current.CancellationToken);
        return [.. outcomes.Select(o => o.CaseId!)];
    }

    /// <summary>The grouping reason the case's ledger recorded for its <paramref name="index"/>th alert (last when negative).</summary>
    public async Task<string> ReasonAsync(string caseId, int index = -1)
    {
        var entries = (await Store.ReadLedgerAsync(caseId, TestContext.Current.CancellationToken))
            .Where(e => e.Kind is LedgerKinds.CaseOpened or LedgerKinds.AlertAttached)
            .ToList();
        var entry = index < 0 ? entries[^1] : entries[index];
        using var payload = System.Text.Json.JsonDocument.Parse(entry.Payload);
        return payload.RootElement.GetProperty("reason").GetString()!;
    }

    public async ValueTask DisposeAsync()
    {
        await Ingestor.DisposeAsync();
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
