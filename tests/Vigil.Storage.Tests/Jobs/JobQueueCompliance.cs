using System.Collections.Concurrent;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Vigil.Pipeline.Jobs;
using Vigil.Pipeline.Ports;

namespace Vigil.Storage.Tests.Jobs;

/// <summary>The durable job queue on each engine: outbox enqueue, exclusive leased claims, recovery, retries.</summary>
public abstract class JobQueueCompliance
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected abstract Task<IVigilStore> OpenStoreAsync();

    private static JobRecord Job(string id, string kind = "test.count", DateTimeOffset? runAt = null, string? key = null, string payload = "{}") => new()
    {
        Id = id,
        Kind = kind,
        Payload = payload,
        RunAt = runAt ?? T0,
        IdempotencyKey = key,
        CreatedAt = T0,
        UpdatedAt = T0,
    };

    private static async Task EnqueueAsync(IVigilStore store, params JobRecord[] jobs)
    {
        await using var transaction = await store.BeginAsync(Ct);
        foreach (var job in jobs)
        {
            await transaction.EnqueueJobAsync(job, Ct);
        }

        await transaction.CommitAsync(Ct);
    }

    [Fact]
    public async Task Enqueue_CommitsWithTheTransaction_AndDeduplicatesByKey()
    {
        await using var store = await OpenStoreAsync();
        await using (var rolledBack = await store.BeginAsync(Ct))
        {
            Assert.True(await rolledBack.EnqueueJobAsync(Job("job_lost"), Ct));
        }

        Assert.Null(await store.GetJobAsync("job_lost", Ct));

        await using var transaction = await store.BeginAsync(Ct);
        Assert.True(await transaction.EnqueueJobAsync(Job("job_1", key: "isolate:WS-12"), Ct));
        Assert.False(await transaction.EnqueueJobAsync(Job("job_2", key: "isolate:WS-12"), Ct));
        await transaction.CommitAsync(Ct);

        var stored = await store.GetJobAsync("job_1", Ct);
        Assert.Equal(JobStatus.Pending, stored!.Status);
        Assert.Equal(T0, stored.RunAt);
        Assert.Null(await store.GetJobAsync("job_2", Ct));
    }

    [Fact]
    public async Task Claim_TakesOnlyDueJobs_AndRecordsOwnerLeaseAndAttempt()
    {
        await using var store = await OpenStoreAsync();
        await EnqueueAsync(store, Job("job_due"), Job("job_later", runAt: T0.AddMinutes(5)), Job("job_other", kind: "other"));

        var claimed = await store.ClaimJobsAsync("node-a", "test.count", 10, T0, T0.AddSeconds(30), Ct);

        var job = Assert.Single(claimed);
        Assert.Equal("job_due", job.Id);
        Assert.Equal(JobStatus.Running, job.Status);
        Assert.Equal("node-a", job.OwnerId);
        Assert.Equal(1, job.Attempts);
        Assert.Equal(T0.AddSeconds(30), job.LeaseUntil);
        Assert.Empty(await store.ClaimJobsAsync("node-b", "test.count", 10, T0.AddSeconds(1), T0.AddSeconds(31), Ct));
    }

    [Fact]
    public async Task Claim_ConcurrentWorkers_NeverShareAJob()
    {
        await using var store = await OpenStoreAsync();
        await EnqueueAsync(store, [.. Enumerable.Range(0, 200).Select(i => Job($"job_{i:D3}"))]);
        var taken = new ConcurrentBag<(string Owner, string Job)>();

        await Task.WhenAll(Enumerable.Range(0, 4).Select(worker => Task.Run(async () =>
        {
            var owner = $"node-{worker}";
            while (true)
            {
                var batch = await store.ClaimJobsAsync(owner, null, 7, T0, T0.AddMinutes(1), Ct);
                if (batch.Count == 0)
                {
                    return;
                }

                foreach (var job in batch)
                {
                    taken.Add((owner, job.Id));
                }
            }
        }, Ct)));

        Assert.Equal(200, taken.Count);
        Assert.Equal(200, taken.Select(t => t.Job).Distinct().Count());
    }

    [Fact]
    public async Task LapsedLease_IsReclaimed_AndTheOldOwnerCannotComplete()
    {
        await using var store = await OpenStoreAsync();
        await EnqueueAsync(store, Job("job_1"));
        await store.ClaimJobsAsync("node-a", null, 1, T0, T0.AddSeconds(30), Ct);

        Assert.False(await store.RenewJobLeaseAsync("job_1", "node-b", T0, T0.AddSeconds(60), Ct));
        Assert.True(await store.RenewJobLeaseAsync("job_1", "node-a", T0.AddSeconds(20), T0.AddSeconds(50), Ct));
        Assert.Empty(await store.ClaimJobsAsync("node-b", null, 1, T0.AddSeconds(40), T0.AddSeconds(70), Ct));

        var reclaimed = Assert.Single(await store.ClaimJobsAsync("node-b", null, 1, T0.AddSeconds(51), T0.AddSeconds(81), Ct));
        Assert.Equal("node-b", reclaimed.OwnerId);
        Assert.Equal(2, reclaimed.Attempts);

        await using var late = await store.BeginAsync(Ct);
        Assert.False(await late.CompleteJobAsync("job_1", "node-a", T0.AddSeconds(52), Ct));
        Assert.True(await late.CompleteJobAsync("job_1", "node-b", T0.AddSeconds(52), Ct));
        await late.CommitAsync(Ct);
        Assert.Equal(JobStatus.Succeeded, (await store.GetJobAsync("job_1", Ct))!.Status);
    }

    [Fact]
    public async Task Fail_SchedulesARetryOrKillsTheJob()
    {
        await using var store = await OpenStoreAsync();
        await EnqueueAsync(store, Job("job_retry"), Job("job_dead"));
        await store.ClaimJobsAsync("node-a", null, 2, T0, T0.AddSeconds(30), Ct);

        await using (var transaction = await store.BeginAsync(Ct))
        {
            Assert.True(await transaction.FailJobAsync("job_retry", "node-a", "connector timed out", T0.AddMinutes(1), T0, Ct));
            Assert.True(await transaction.FailJobAsync("job_dead", "node-a", "unknown host", null, T0, Ct));
            await transaction.CommitAsync(Ct);
        }

        var retry = await store.GetJobAsync("job_retry", Ct);
        Assert.Equal(JobStatus.Pending, retry!.Status);
        Assert.Equal(T0.AddMinutes(1), retry.RunAt);
        Assert.Equal("connector timed out", retry.LastError);
        Assert.Null(retry.OwnerId);
        var dead = await store.GetJobAsync("job_dead", Ct);
        Assert.Equal(JobStatus.Dead, dead!.Status);
        Assert.Empty(await store.ClaimJobsAsync("node-b", null, 5, T0.AddSeconds(59), T0.AddMinutes(2), Ct));
        Assert.Single(await store.ClaimJobsAsync("node-b", null, 5, T0.AddMinutes(1), T0.AddMinutes(2), Ct));
    }

    [Fact]
    public async Task Worker_RetriesWithBackoff_ThenSucceeds_AndKillsAfterMaxAttempts()
    {
        await using var store = await OpenStoreAsync();
        var clock = new FakeTimeProvider(T0);
        var flaky = new FlakyHandler(failures: 2);
        var worker = new JobWorker(store, [flaky], new JobWorkerOptions { OwnerId = "node-a", MaxAttempts = 3, FirstRetry = TimeSpan.FromSeconds(10) }, clock, NullLogger<JobWorker>.Instance);
        await EnqueueAsync(store, Job("job_flaky", kind: FlakyHandler.KindName), Job("job_orphan", kind: "nobody.handles"));

        Assert.Equal(2, await worker.RunOnceAsync(Ct));
        Assert.Equal(JobStatus.Dead, (await store.GetJobAsync("job_orphan", Ct))!.Status);
        var afterFirst = await store.GetJobAsync("job_flaky", Ct);
        Assert.Equal(JobStatus.Pending, afterFirst!.Status);
        Assert.InRange(afterFirst.RunAt - T0, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(12));

        Assert.Equal(0, await worker.RunOnceAsync(Ct));
        clock.Advance(TimeSpan.FromSeconds(13));
        Assert.Equal(1, await worker.RunOnceAsync(Ct));
        clock.Advance(TimeSpan.FromSeconds(25));
        Assert.Equal(1, await worker.RunOnceAsync(Ct));

        var done = await store.GetJobAsync("job_flaky", Ct);
        Assert.Equal(JobStatus.Succeeded, done!.Status);
        Assert.Equal(3, done.Attempts);
        Assert.Equal(3, flaky.Calls);
    }

    [Fact]
    public async Task Worker_CrashAfterClaim_IsResumedByAnotherWorker_AndTheEffectHappensOnce()
    {
        await using var store = await OpenStoreAsync();
        var clock = new FakeTimeProvider(T0);
        var effects = new ConcurrentDictionary<string, int>();
        var options = new JobWorkerOptions { Lease = TimeSpan.FromSeconds(30) };
        await EnqueueAsync(store, Job("job_isolate", kind: RecordingHandler.KindName, key: "act_1:isolate"));

        // Node A claims and dies before doing anything (SIGKILL): nothing completes, the lease just lapses.
        Assert.Single(await store.ClaimJobsAsync("node-a", null, 1, clock.GetUtcNow(), clock.GetUtcNow() + options.Lease, Ct));
        var nodeB = new JobWorker(store, [new RecordingHandler(effects)], options with { OwnerId = "node-b" }, clock, NullLogger<JobWorker>.Instance);
        Assert.Equal(0, await nodeB.RunOnceAsync(Ct));

        clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(1, await nodeB.RunOnceAsync(Ct));
        Assert.Equal(0, await nodeB.RunOnceAsync(Ct));

        Assert.Equal(1, effects["act_1:isolate"]);
        var job = await store.GetJobAsync("job_isolate", Ct);
        Assert.Equal(JobStatus.Succeeded, job!.Status);
        Assert.Equal("node-b", job.OwnerId);
    }

    private sealed class FlakyHandler(int failures) : IJobHandler
    {
        public const string KindName = "test.flaky";

        public int Calls { get; private set; }

        public string Kind => KindName;

        public Task HandleAsync(JobRecord job, JobContext context, CancellationToken cancellationToken)
        {
            Calls++;
            return Calls <= failures ? throw new InvalidOperationException($"failure {Calls}") : Task.CompletedTask;
        }
    }

    /// <summary>Stands in for an external system that honours idempotency keys, the way EDR and IdP APIs are called.</summary>
    private sealed class RecordingHandler(ConcurrentDictionary<string, int> effects) : IJobHandler
    {
        public const string KindName = "test.record";

        public string Kind => KindName;

        public Task HandleAsync(JobRecord job, JobContext context, CancellationToken cancellationToken)
        {
            effects.AddOrUpdate(context.IdempotencyKey, 1, (_, count) => count + 1);
            return Task.CompletedTask;
        }
    }
}
