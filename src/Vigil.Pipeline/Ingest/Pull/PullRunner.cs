using Microsoft.Extensions.Logging;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Ingest.Pull;

/// <summary>
/// Runs pull sources: takes the source's lease (so in Clustered mode one node polls it), reads pages from the stored
/// cursor, stores each page's events through <see cref="EventIngestor"/> and only then advances the cursor, so a crash
/// re-reads at most the page in flight (and the alerts' fingerprints make that re-read the same alerts). Failures are
/// recorded on the checkpoint and retried with exponential back-off; health lives in the same row, for every node to show.
/// </summary>
public sealed partial class PullRunner(IVigilStore store, EventIngestor ingestor, PullRunnerOptions options, TimeProvider time, ILogger<PullRunner> logger)
{
    public PullRunnerOptions Options => options;

    public static string CheckpointName(string poller) => "poller:" + poller;

    /// <summary>One run: nothing when another node holds the source or its next run is not due yet; otherwise up to <see cref="IPullSource.MaxPagesPerRun"/> pages.</summary>
    public async Task<PullRunOutcome> RunOnceAsync(IPullSource source, CancellationToken cancellationToken)
    {
        var name = CheckpointName(source.Name);
        var now = time.GetUtcNow();
        // Held across the pause between runs, so the same node keeps polling the source while it lives.
        var lease = options.Lease > source.Interval * 2 ? options.Lease : source.Interval * 2;
        if (!await store.TryLeaseCheckpointAsync(name, IngestCheckpointKinds.Poller, options.OwnerId, now, now + lease, cancellationToken))
        {
            return new PullRunOutcome { Leased = false, NextRunAt = now + source.Interval };
        }

        var checkpoint = await store.GetCheckpointAsync(name, cancellationToken)
            ?? throw new InvalidOperationException($"checkpoint {name} vanished after it was leased");
        if (checkpoint.NextRunAt is { } due && due > now)
        {
            return new PullRunOutcome { Leased = true, NextRunAt = due };
        }

        var actor = Actor.Automation($"poller:{source.Name}");
        var run = new RunCounts();
        var more = true;
        try
        {
            while (more && run.Pages < source.MaxPagesPerRun)
            {
                var page = await source.PullAsync(checkpoint.Cursor, cancellationToken);
                run.Pages++;
                if (page.Events.Count > 0)
                {
                    var summary = await ingestor.IngestAsync(source.Source, page.Events, $"poller {source.Name}", "application/json", actor, cancellationToken);
                    run.Add(summary);
                }

                // The events are committed: only now does the cursor move past them.
                now = time.GetUtcNow();
                checkpoint = checkpoint with
                {
                    Cursor = page.NextCursor,
                    EventsTotal = checkpoint.EventsTotal + page.Events.Count,
                    NewestEventAt = Later(checkpoint.NewestEventAt, page.NewestEventAt),
                    LastRunAt = now,
                    OwnerId = options.OwnerId,
                    LeaseUntil = now + lease,
                    UpdatedAt = now,
                };
                if (!await SaveAsync(checkpoint, cancellationToken))
                {
                    PullLog.LeaseLost(logger, source.Name);
                    return run.Outcome(leased: true, now + source.Interval, "lost the lease to another node");
                }

                more = page.HasMore;
            }

            var next = more ? now : now + source.Interval;
            checkpoint = checkpoint with { LastRunAt = now, LastSuccessAt = now, ConsecutiveFailures = 0, NextRunAt = next, UpdatedAt = now };
            await SaveAsync(checkpoint, cancellationToken);
            PullLog.Ran(logger, source.Name, run.Pages, run.Events, run.Stored, run.DeadLettered);
            return run.Outcome(leased: true, next, null);
        }
        catch (Exception exception) when (!cancellationToken.IsCancellationRequested)
        {
            now = time.GetUtcNow();
            var failures = checkpoint.ConsecutiveFailures + 1;
            var next = now + Backoff(failures);
            var error = $"{exception.GetType().Name}: {exception.Message}";
            checkpoint = checkpoint with
            {
                LastRunAt = now,
                LastErrorAt = now,
                LastError = error,
                ConsecutiveFailures = failures,
                NextRunAt = next,
                UpdatedAt = now,
            };
            await SaveAsync(checkpoint, cancellationToken);
            PullLog.Failed(logger, source.Name, failures, next, exception);
            return run.Outcome(leased: true, next, error);
        }
    }

    /// <summary>first × 2^(failures-1), capped: 5 s, 10 s, 20 s … 15 min by default.</summary>
    public TimeSpan Backoff(int failures)
    {
        var exponent = Math.Clamp(failures - 1, 0, 30);
        return TimeSpan.FromTicks((long)Math.Min(options.FirstRetry.Ticks * Math.Pow(2, exponent), options.MaxRetry.Ticks));
    }

    private async Task<bool> SaveAsync(IngestCheckpoint checkpoint, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (!await transaction.SaveCheckpointAsync(checkpoint, options.OwnerId, cancellationToken))
        {
            return false;
        }

        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    private static DateTimeOffset? Later(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    private sealed class RunCounts
    {
        public int Pages;
        public int Events;
        public int Stored;
        public int Deduplicated;
        public int DeadLettered;

        public void Add(EventIngestSummary summary)
        {
            Events += summary.Read;
            Stored += summary.Stored;
            Deduplicated += summary.Deduplicated;
            DeadLettered += summary.DeadLettered;
        }

        public PullRunOutcome Outcome(bool leased, DateTimeOffset next, string? error) => new()
        {
            Leased = leased,
            Pages = Pages,
            Events = Events,
            Stored = Stored,
            Deduplicated = Deduplicated,
            DeadLettered = DeadLettered,
            Error = error,
            NextRunAt = next,
        };
    }
}
