namespace Vigil.Pipeline.Ingest.Pull;

public sealed record PullRunnerOptions
{
    /// <summary>This node's identity in checkpoint leases; unique per process.</summary>
    public string OwnerId { get; init; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";

    /// <summary>How long a node holds a source between heartbeats; a dead node's sources are taken over after this.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(60);

    public TimeSpan FirstRetry { get; init; } = TimeSpan.FromSeconds(5);

    public TimeSpan MaxRetry { get; init; } = TimeSpan.FromMinutes(15);
}
