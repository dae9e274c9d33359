namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>One Received header (RFC 5321 section 4.4), newest first as in the message.</summary>
public sealed record ReceivedHop
{
    public string? From { get; init; }

    /// <summary>The address in the "from" clause's TCP-info comment, e.g. <c>(mx.example [192.0.2.1])</c>.</summary>
    public string? FromIp { get; init; }

    public string? By { get; init; }

    public string? With { get; init; }

    public DateTimeOffset? Time { get; init; }
}
