namespace Vigil.Api.Contracts;

/// <summary>
/// A pushed batch, committed: every event read is stored as a new alert, counted as a repeat of a stored one, or kept
/// as a dead letter (<c>read == stored + deduplicated + dead_lettered</c>).
/// </summary>
internal sealed record IngestReport(
    string Source,
    int Read,
    int Stored,
    int Deduplicated,
    int DeadLettered,
    int Drifted,
    IReadOnlyList<string> DeadLetterIds,
    IReadOnlyList<AlertOutcome> Alerts);
