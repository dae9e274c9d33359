using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Jobs;

/// <summary>What a handler gets besides its job: who holds it, the key for outside calls, and a way to finish it.</summary>
public sealed class JobContext(JobRecord job, string ownerId, TimeProvider time)
{
    public string OwnerId { get; } = ownerId;

    /// <summary>Stable across retries of the same job: send it with every external call so a retry never acts twice.</summary>
    public string IdempotencyKey { get; } = job.IdempotencyKey ?? job.Id;

    public int Attempt { get; } = job.Attempts;

    internal bool Completed { get; private set; }

    /// <summary>
    /// Marks the job done inside the handler's own transaction, so its effects and its completion commit together.
    /// Throws <see cref="JobLeaseLostException"/> when another worker has taken the job over: the caller's transaction
    /// is then disposed uncommitted and its effects are rolled back.
    /// </summary>
    public async Task CompleteAsync(IStoreTransaction transaction, CancellationToken cancellationToken)
    {
        if (!await transaction.CompleteJobAsync(job.Id, OwnerId, time.GetUtcNow(), cancellationToken))
        {
            throw new JobLeaseLostException(job.Id);
        }

        Completed = true;
    }
}
