namespace Vigil.Api.Contracts;

/// <summary>
/// A pull connector and its health, from its durable checkpoint (so every node shows the same): who holds it, when it
/// last ran and succeeded, its last error and failures in a row, events pulled, and lag behind the newest event.
/// </summary>
internal sealed record PollerView(
    string Name,
    string Source,
    string Endpoint,
    int IntervalSeconds,
    bool Configured,
    string? Owner,
    DateTimeOffset? LastRunAt,
    DateTimeOffset? LastSuccessAt,
    DateTimeOffset? LastErrorAt,
    string? LastError,
    int ConsecutiveFailures,
    long EventsPulled,
    DateTimeOffset? NewestEventAt,
    double? LagSeconds,
    DateTimeOffset? NextRunAt);
