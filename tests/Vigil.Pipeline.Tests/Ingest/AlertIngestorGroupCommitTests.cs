using Microsoft.Data.Sqlite;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Ingest;

/// <summary>Group commit: many concurrent callers share transactions, and each is answered only after its commit.</summary>
public sealed class AlertIngestorGroupCommitTests : IAsyncLifetime
{
    private readonly TempDirectory _directory = new("vigil-group");
    private IVigilStore _store = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new StoreFactory().Open(new StoreLocation { DataDirectory = _directory.Path });
        await _store.MigrateAsync(Ct);
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }

    private static AlertDraft Draft(string sourceRef, string title = "Suspicious logon") => new()
    {
        Source = "edr",
        SourceRef = sourceRef,
        Title = title,
        Severity = Severity.Medium,
        OccurredAt = DateTimeOffset.UnixEpoch,
        RawPayload = $$"""{"id":"{{sourceRef}}"}""",
    };

    [Fact]
    public async Task IngestAsync_ManyConcurrentCallers_EachGetsItsOwnCommittedOutcomes()
    {
        await using var ingestor = new AlertIngestor(_store, new OneCasePerAlertAssigner(), TimeProvider.System);

        var calls = Enumerable.Range(0, 64).Select(i => Task.Run(() => ingestor.IngestAsync([Draft($"a{i}"), Draft($"b{i}"), Draft($"a{i}")], Actor.Automation("test"), Ct), Ct)).ToArray();
        var results = await Task.WhenAll(calls);

        for (var i = 0; i < results.Length; i++)
        {
            Assert.Equal(3, results[i].Count);
            Assert.True(results[i][0].Created);
            Assert.False(results[i][2].Created);
            Assert.Equal(results[i][0].AlertId, results[i][2].AlertId);
            var stored = await _store.FindAlertByFingerprintAsync(AlertFingerprint.Compute("edr", $"b{i}"), Ct);
            Assert.Equal(results[i][1].AlertId, stored!.Id);
            Assert.Equal(results[i][1].CaseId, stored.CaseId);
        }

        Assert.Equal(128, (await _store.GetStatsAsync(Ct)).Alerts);
        Assert.True((await new LedgerAuditor(_store).VerifyAllAsync(Ct)).IsIntact);
    }

    [Fact]
    public async Task IngestAsync_OneFailingRequestInASharedCommit_FailsOnlyItself()
    {
        await using var ingestor = new AlertIngestor(_store, new ExplodingAssigner(), TimeProvider.System);

        var calls = Enumerable.Range(0, 40)
            .Select(i => Task.Run(() => ingestor.IngestAsync([Draft($"r{i}", i == 17 ? "boom" : "fine")], Actor.Automation("test"), Ct), Ct))
            .ToArray();
        await Task.WhenAll(calls).ContinueWith(_ => { }, Ct, TaskContinuationOptions.None, TaskScheduler.Default);

        var failed = calls.Where(c => c.IsFaulted).ToArray();
        var failure = Assert.Single(failed);
        Assert.Same(calls[17], failure);
        Assert.Equal(39, (await _store.GetStatsAsync(Ct)).Alerts);
        Assert.Null(await _store.FindAlertByFingerprintAsync(AlertFingerprint.Compute("edr", "r17"), Ct));
    }

    [Fact]
    public async Task IngestAsync_EmptyBatch_ReturnsAtOnce()
    {
        await using var ingestor = new AlertIngestor(_store, new OneCasePerAlertAssigner(), TimeProvider.System);

        Assert.Empty(await ingestor.IngestAsync([], Actor.System, Ct));
    }

    /// <summary>Fails inside the transaction for one title, as a store constraint or a broken rule would.</summary>
    private sealed class ExplodingAssigner : ICaseAssigner
    {
        private readonly OneCasePerAlertAssigner _inner = new();

        public Task<CaseAssignment> AssignAsync(Alert alert, IStoreTransaction transaction, CancellationToken cancellationToken) =>
            alert.Title == "boom" ? throw new InvalidOperationException("assignment failed") : _inner.AssignAsync(alert, transaction, cancellationToken);
    }
}
