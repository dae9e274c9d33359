namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>The suspicious message a user reported, in the shape content/mappings/phishing_report.yaml reads as <c>message</c>.</summary>
public sealed record ReportedMessage
{
    /// <summary>The Message-ID header, or <c>sha256:&lt;hex&gt;</c> of the raw message when it has none.</summary>
    public required string MessageId { get; init; }

    public required string Subject { get; init; }

    public string? From { get; init; }

    public string? FromAddress { get; init; }

    public string? ReplyTo { get; init; }

    public string? ReturnPath { get; init; }

    public string? Sender { get; init; }

    public required IReadOnlyList<string> To { get; init; }

    public required IReadOnlyList<string> Cc { get; init; }

    public DateTimeOffset? SentAt { get; init; }

    public DateTimeOffset? ReceivedAt { get; init; }

    public string? SenderIp { get; init; }

    public required IReadOnlyList<string> Urls { get; init; }

    public required IReadOnlyList<LinkMismatch> LinkMismatches { get; init; }

    public required IReadOnlyList<MailAttachment> Attachments { get; init; }

    public required IReadOnlyList<NestedMessage> NestedMessages { get; init; }

    public required MailAuthentication Authentication { get; init; }

    public required IReadOnlyList<ReceivedHop> Received { get; init; }

    /// <summary>True when the message was forwarded inline and its headers were read from the forward's body text.</summary>
    public bool InlineForward { get; init; }
}
