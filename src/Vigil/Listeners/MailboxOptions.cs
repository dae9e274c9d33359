using System.ComponentModel.DataAnnotations;

namespace Vigil.Listeners;

/// <summary>The phishing mailbox Vigil polls over IMAP (<c>Vigil:Mailbox</c>); off unless <see cref="Host"/> is set.</summary>
public sealed class MailboxOptions
{
    public const string Section = "Vigil:Mailbox";

    public string? Host { get; set; }

    [Range(1, 65_535)]
    public int Port { get; set; } = 993;

    public string? Username { get; set; }

    public string? Password { get; set; }

    public string Folder { get; set; } = "INBOX";

    /// <summary>Where a message goes once its alert (or dead letter) is committed; created when missing.</summary>
    public string DoneFolder { get; set; } = "Vigil-Done";

    [Range(1, 86_400)]
    public int PollSeconds { get; set; } = 60;

    /// <summary>TLS from the first byte (IMAPS, port 993); false means STARTTLS when the server offers it.</summary>
    public bool UseTls { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Host);
}
