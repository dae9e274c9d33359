using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Jobs;

/// <summary>
/// Claims due jobs under a lease, runs their handlers with a heartbeat that keeps the lease alive, and on failure
/// schedules a retry with exponential back-off (with jitter, so a fleet does not retry in step) until the job is
/// dead. Any number of workers, in any number of processes, may run against one store.
/// </summary>
public sealed partial class JobWorker(
    IVigilStore store, IEnumerable<IJobHandler> handlers, JobWorkerOptions options, TimeProvider time, ILogger<JobWorker> logger) : BackgroundService
{
    private readonly Dictionary<string, IJobHandler> _handlers = handlers.ToDictionary(h => h.Kind, StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Enabled)
        {
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            int ran;
            try
            {
                ran = await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPollFailed(ex);
                ran = 0;
            }

            if (ran == 0)
            {
                await Task.Delay(options.PollInterval, time, stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    /// <summary>Claims one batch and runs it; returns how many jobs it ran.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var jobs = await store.ClaimJobsAsync(options.OwnerId, null, options.BatchSize, now, now + options.Lease, cancellationToken);
        foreach (var job in jobs)
        {
            await RunAsync(job, cancellationToken);
        }

        return jobs.Count;
    }

    private async Task RunAsync(JobRecord job, CancellationToken cancellationToken)
    {
        if (!_handlers.TryGetValue(job.Kind, out var handler))
        {
            await FailAsync(job, $"no handler for job kind '{job.Kind}'", retry: false, cancellationToken);
            return;
        }

        var context = new JobContext(job, options.OwnerId, time);
        using var heartbeat = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var beating = HeartbeatAsync(job, heartbeat.Token);
        try
        {
            await handler.HandleAsync(job, context, cancellationToken);
            if (!context.Completed)
            {
                await using var transaction = await store.BeginAsync(cancellationToken);
                await context.CompleteAsync(transaction, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
        }
        catch (JobLeaseLostException)
        {
            LogLeaseLost(job.Id, job.Kind);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down: the lease lapses and another worker (or this one, restarted) picks the job up.
            throw;
        }
        catch (Exception ex)
        {
            await FailAsync(job, $"{ex.GetType().Name}: {ex.Message}", retry: job.Attempts < options.MaxAttempts, cancellationToken);
        }
        finally
        {
            await heartbeat.CancelAsync();
            await beating;
        }
    }

    private async Task FailAsync(JobRecord job, string error, bool retry, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var retryAt = retry ? now + Backoff(job.Attempts) : (DateTimeOffset?)null;
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (await transaction.FailJobAsync(job.Id, options.OwnerId, error, retryAt, now, cancellationToken))
        {
            await transaction.CommitAsync(cancellationToken);
            if (retryAt is null)
            {
                LogDead(job.Id, job.Kind, job.Attempts, error);
            }
            else
            {
                LogRetry(job.Id, job.Kind, job.Attempts, retryAt.Value, error);
            }
        }
    }

    /// <summary>first × 2^(attempt-1), capped, with up to 20% random jitter.</summary>
    internal TimeSpan Backoff(int attempt)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var delay = TimeSpan.FromTicks((long)Math.Min(options.FirstRetry.Ticks * Math.Pow(2, exponent), options.MaxRetry.Ticks));
        return delay + TimeSpan.FromTicks((long)(delay.Ticks * 0.2 * Random.Shared.NextDouble()));
    }

    private async Task HeartbeatAsync(JobRecord job, CancellationToken stop)
    {
        var every = options.Lease / 3;
        try
        {
            while (true)
            {
                await Task.Delay(every, time, stop);
                var now = time.GetUtcNow();
                if (!await store.RenewJobLeaseAsync(job.Id, options.OwnerId, now, now + options.Lease, stop))
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // The job finished.
        }
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Warning, Message = "Job {JobId} ({Kind}) attempt {Attempt} failed; retry at {RetryAt:u}: {Error}")]
    private partial void LogRetry(string jobId, string kind, int attempt, DateTimeOffset retryAt, string error);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error, Message = "Job {JobId} ({Kind}) is dead after {Attempts} attempts: {Error}")]
    private partial void LogDead(string jobId, string kind, int attempts, string error);

    [LoggerMessage(EventId = 3, Level = LogLevel.Warning, Message = "Lost the lease on job {JobId} ({Kind}); its results were rolled back")]
    private partial void LogLeaseLost(string jobId, string kind);

    [LoggerMessage(EventId = 4, Level = LogLevel.Error, Message = "Claiming jobs failed")]
    private partial void LogPollFailed(Exception exception);
}
