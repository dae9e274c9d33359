using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>
/// A reported mail, from raw bytes to stored alerts: parsed into phishing reports, normalised by the shipped
/// <c>phishing_report</c> mapping and stored through <see cref="EventIngestor"/> (so the mapping's dedup fields,
/// reported Message-ID and reporter, make a redelivered mail the same alert). A mail that cannot be read is
/// dead-lettered with its raw MIME. When this returns, everything is committed and the caller may acknowledge the mail.
/// </summary>
public sealed class MailReportIngestor(MailReportParser parser, EventIngestor events, DeadLetterService deadLetters, SourceHealth health)
{
    public const string MimeContentType = "message/rfc822";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public MailLimits Limits => parser.Limits;

    /// <param name="origin">Where the mail came from ("imap mail.example/INBOX uid 42", a file path), for dead-letter reasons.</param>
    public async Task<EventIngestSummary> IngestAsync(ReadOnlyMemory<byte> raw, string channel, string origin, Actor actor, CancellationToken cancellationToken)
    {
        var (documents, error) = ReadEvents(raw, channel);
        if (error is not null)
        {
            return await DeadLetterAsync(raw, error, origin, cancellationToken);
        }

        return await events.IngestAsync(PhishingReport.Source, documents, origin, "application/json", actor, cancellationToken);
    }

    /// <summary>The phishing-report events a mail holds (the documents the phishing mapping reads), or why it holds none.</summary>
    public (IReadOnlyList<RawJsonEvent> Events, string? Error) ReadEvents(ReadOnlyMemory<byte> raw, string channel)
    {
        var parsed = parser.Parse(raw, channel);
        if (!parsed.Succeeded)
        {
            return ([], parsed.Error);
        }

        var documents = new List<RawJsonEvent>(parsed.Reports.Count);
        foreach (var report in parsed.Reports)
        {
            var json = ToJson(report);
            using var document = JsonDocument.Parse(json);
            documents.Add(new RawJsonEvent(documents.Count + 1, 0, document.RootElement.Clone(), json, null));
        }

        return (documents, null);
    }

    /// <summary>Keeps a mail that cannot become a report (bounded raw MIME, see <see cref="RawText"/>) with the reason.</summary>
    public async Task<EventIngestSummary> DeadLetterAsync(ReadOnlyMemory<byte> raw, string reason, string origin, CancellationToken cancellationToken)
    {
        health.Received(PhishingReport.Source, 1);
        var letter = await deadLetters.RecordAsync(DeadLetterChannels.Mail, PhishingReport.Source, RawText(raw), $"{origin}: {reason}", MimeContentType, cancellationToken);
        health.DeadLettered(PhishingReport.Source, 1);
        return new EventIngestSummary
        {
            Read = 1,
            Stored = 0,
            Deduplicated = 0,
            DeadLettered = 1,
            Drifted = 0,
            Alerts = [],
            DeadLetterIds = [letter.Id],
        };
    }

    /// <summary>The report as the JSON document the phishing mapping reads.</summary>
    public static string ToJson(PhishingReport report) => JsonSerializer.Serialize(report, Json);

    /// <summary>
    /// The raw MIME as dead-letter text, cut to what the dead-letter store keeps before decoding so that a huge
    /// message is never turned into one huge string. UTF-8 when it is (almost all mail is 7-bit or UTF-8);
    /// otherwise Latin-1, which maps every byte to one character so that the bytes can be recovered exactly.
    /// </summary>
    private static string RawText(ReadOnlyMemory<byte> raw)
    {
        var kept = raw.Length > DeadLetterService.MaxStoredPayloadBytes ? raw.Span[..DeadLetterService.MaxStoredPayloadBytes] : raw.Span;
        return Utf8.IsValid(kept) ? Encoding.UTF8.GetString(kept) : Encoding.Latin1.GetString(kept);
    }
}
