namespace Vigil.Pipeline.Jobs;

/// <summary>The worker's lease on a job ran out and another worker claimed it; this worker's results must not commit.</summary>
public sealed class JobLeaseLostException(string jobId) : Exception($"the lease on job {jobId} was lost to another worker")
{
    public string JobId { get; } = jobId;
}
