namespace Vigil.Domain.DeadLetters;

/// <summary>Input Vigil could not accept, kept verbatim with the reason, so that nothing acknowledged or sent is lost.</summary>
public sealed record DeadLetter
{
    public required string Id { get; init; }

    public required string Source { get; init; }

    public required DateTimeOffset ReceivedAt { get; init; }

    /// <summary>What was wrong and where, as a sentence (the same text the sender was told).</summary>
    public required string Reason { get; init; }

    public required string Payload { get; init; }

    public string? ContentType { get; init; }

    /// <summary>
    /// The path the payload came in by (<see cref="DeadLetterChannels"/>), so that a replay sends it back through
    /// the same parser and mapping rather than guessing: an alert submission, a mapped source event, a syslog line,
    /// a mail message.
    /// </summary>
    public string Channel { get; init; } = DeadLetterChannels.Alert;

    public DeadLetterStatus Status { get; init; } = DeadLetterStatus.Pending;

    public DateTimeOffset? ResolvedAt { get; init; }

    public string? Resolution { get; init; }
}
