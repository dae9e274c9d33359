using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Jobs;

/// <summary>
/// Runs one kind of job. Delivery is at least once: a handler must be safe to run again after a crash, which it
/// achieves by committing its own effects together with <see cref="JobContext.CompleteAsync"/>, and by passing
/// <see cref="JobContext.IdempotencyKey"/> to anything outside the store.
/// </summary>
public interface IJobHandler
{
    string Kind { get; }

    Task HandleAsync(JobRecord job, JobContext context, CancellationToken cancellationToken);
}
