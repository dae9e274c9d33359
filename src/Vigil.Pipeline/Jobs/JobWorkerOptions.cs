namespace Vigil.Pipeline.Jobs;

public sealed record JobWorkerOptions
{
    /// <summary>This worker's identity in lease rows; unique per process so two processes on one host never share it.</summary>
    public string OwnerId { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>How long a claim holds without a heartbeat; a dead worker's jobs return after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>False: the worker does not poll on its own, and runs jobs only when asked (<see cref="JobWorker.RunOnceAsync"/>).</summary>
    public bool Enabled { get; init; } = true;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(500);

    public int BatchSize { get; init; } = 16;

    public int MaxAttempts { get; init; } = 8;

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(2);

    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(10);
}
