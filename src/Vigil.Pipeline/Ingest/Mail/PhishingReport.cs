namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>A user's report of a suspicious message: the document the <c>phishing_report</c> mapping normalises.</summary>
public sealed record PhishingReport
{
    public const string Source = "phishing_report";

    public required string ReportId { get; init; }

    public required DateTimeOffset ReportedAt { get; init; }

    /// <summary>How the report arrived: <c>imap</c>, <c>eml_file</c>.</summary>
    public required string ReportChannel { get; init; }

    public required MailParty Reporter { get; init; }

    public string? Comment { get; init; }

    public required ReportedMessage Message { get; init; }
}
