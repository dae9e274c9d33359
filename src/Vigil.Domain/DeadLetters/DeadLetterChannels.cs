namespace Vigil.Domain.DeadLetters;

/// <summary>The wire names of the paths a dead letter can have come in by, and can be replayed through.</summary>
public static class DeadLetterChannels
{
    /// <summary>An alert in Vigil's own submission format (<c>POST /api/v1/alerts</c>, alert files); replayed through the alert parser.</summary>
    public const string Alert = "alert";

    /// <summary>A vendor event (HTTP push, event files, pull connectors); replayed through its source's mapping.</summary>
    public const string Event = "event";

    /// <summary>One syslog message as received; replayed through the syslog, CEF and LEEF parsers, then the mapping.</summary>
    public const string Syslog = "syslog";

    /// <summary>A reported mail as raw MIME; replayed through the mail parser and the phishing mapping.</summary>
    public const string Mail = "mail";

    public static IReadOnlyList<string> All { get; } = [Alert, Event, Syslog, Mail];
}
