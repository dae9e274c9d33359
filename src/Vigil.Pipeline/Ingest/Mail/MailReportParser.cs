using System.Security.Cryptography;
using MimeKit;

namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>
/// Reads a mail sent to the phishing mailbox as user reports. Users forward the suspicious message as an attachment
/// (message/rfc822, or an .eml file from a report button): each attached message is one report. With none attached,
/// an inline forward's header block is read from the body; failing that, the mail itself is the reported message.
/// Everything is attacker-controlled: nothing is executed, fetched or followed, and <see cref="MailLimits"/> bounds it.
/// </summary>
public sealed partial class MailReportParser(MailLimits limits, TimeProvider time)
{
    private const int MaxCommentLength = 4_000;

    public MailReportParser(TimeProvider time)
        : this(new MailLimits(), time)
    {
    }

    public MailLimits Limits => limits;

    /// <param name="raw">The whole mail as received (RFC 5322 bytes).</param>
    /// <param name="channel">How it arrived (<c>imap</c>, <c>eml_file</c>), kept as the report channel.</param>
    public MailParseResult Parse(ReadOnlyMemory<byte> raw, string channel)
    {
        if (raw.Length > limits.MaxMessageBytes)
        {
            return MailParseResult.Failed($"the message is {raw.Length} bytes, over the limit of {limits.MaxMessageBytes} bytes (MaxMessageBytes)");
        }

        MimeMessage outer;
        try
        {
            outer = Load(raw.ToArray());
        }
        catch (FormatException ex)
        {
            return MailParseResult.Failed($"not a MIME message: {ex.Message}");
        }

        try
        {
            return Read(outer, raw.Span, channel);
        }
        catch (MailLimitException ex)
        {
            return MailParseResult.Failed(ex.Message);
        }
    }

    private MailParseResult Read(MimeMessage outer, ReadOnlySpan<byte> raw, string channel)
    {
        // A redirect (RFC 5322 section 3.6.6) names the person who passed the message on in Resent-From.
        var reporterBox = outer.ResentFrom.Mailboxes.FirstOrDefault() ?? outer.From.Mailboxes.FirstOrDefault();
        if (reporterBox is null || string.IsNullOrWhiteSpace(reporterBox.Address) || !reporterBox.Address.Contains('@', StringComparison.Ordinal))
        {
            return MailParseResult.Failed("the mail has no From address, so the report cannot be attributed to a reporter");
        }

        if (outer.Headers[HeaderId.From] is null && outer.Headers[HeaderId.Subject] is null && outer.Headers[HeaderId.MessageId] is null)
        {
            return MailParseResult.Failed("not a MIME message: it has none of the From, Subject and Message-ID headers");
        }

        var reporter = new MailParty { Email = reporterBox.Address.Trim(), Name = NullIfBlank(reporterBox.Name) };
        var reportId = outer.MessageId is { Length: > 0 } outerId ? $"<{outerId}>" : $"sha256:{Hex(SHA256.HashData(raw))}";
        var reportedAt = outer.Headers[HeaderId.Date] is not null ? outer.Date : time.GetUtcNow();
        var attached = AttachedMessages(outer);
        List<(ReportedMessage Message, string? Comment)> reported;
        if (attached.Count > 0)
        {
            var comment = Comment(TextBody(outer));
            reported = [.. attached.Select(m => (ReadMessage(m, depth: 0), comment))];
        }
        else if (InlineForward(outer) is { } inline)
        {
            reported = [inline];
        }
        else
        {
            reported = [(ReadMessage(outer, depth: 0), null)];
        }

        var reports = new List<PhishingReport>(reported.Count);
        for (var i = 0; i < reported.Count; i++)
        {
            reports.Add(new PhishingReport
            {
                ReportId = reported.Count == 1 ? reportId : $"{reportId}#{i + 1}",
                ReportedAt = reportedAt,
                ReportChannel = channel,
                Reporter = reporter,
                Comment = reported[i].Comment,
                Message = reported[i].Message,
            });
        }

        return new MailParseResult { Reports = reports };
    }

    /// <summary>The messages the reporter attached: message/rfc822 parts and .eml files a report button attaches.</summary>
    private List<MimeMessage> AttachedMessages(MimeMessage outer)
    {
        var messages = new List<MimeMessage>();
        foreach (var part in outer.BodyParts)
        {
            if (part is MessagePart { Message: { } message })
            {
                messages.Add(message);
            }
            else if (part is MimePart { Content: not null } file && file.FileName is { } name
                && name.EndsWith(".eml", StringComparison.OrdinalIgnoreCase))
            {
                using var content = new MemoryStream();
                file.Content.DecodeTo(content);
                try
                {
                    messages.Add(Load(content.ToArray()));
                }
                catch (FormatException)
                {
                    // Not a message after all: it stays an ordinary attachment of the mail itself.
                }
            }
        }

        if (messages.Count > limits.MaxAttachments)
        {
            throw new MailLimitException($"the mail attaches {messages.Count} messages, over the limit of {limits.MaxAttachments} (MaxAttachments)");
        }

        return messages;
    }

    private static MimeMessage Load(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        return MimeMessage.Load(ParserOptions.Default, stream);
    }

    private static string? Comment(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var trimmed = text.Trim();
        return trimmed.Length > MaxCommentLength ? trimmed[..MaxCommentLength] : trimmed;
    }

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static string Hex(ReadOnlySpan<byte> hash) => Convert.ToHexStringLower(hash);
}
