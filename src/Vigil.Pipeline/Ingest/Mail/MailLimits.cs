namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>
/// Bounds on a reported message. Everything in it is attacker-controlled, so a message past any bound is refused
/// with a reason that names the bound, and kept as a dead letter, rather than parsed partially.
/// </summary>
public sealed record MailLimits
{
    public long MaxMessageBytes { get; init; } = 25 * 1024 * 1024;

    public int MaxAttachments { get; init; } = 100;

    public int MaxUrls { get; init; } = 1_000;

    /// <summary>Messages attached inside messages; each level is one more parse of attacker-chosen structure.</summary>
    public int MaxNestingDepth { get; init; } = 5;
}
