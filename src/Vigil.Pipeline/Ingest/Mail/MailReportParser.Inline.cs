using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;
using MimeKit.Utils;

namespace Vigil.Pipeline.Ingest.Mail;

public sealed partial class MailReportParser
{
    // Header lines a mail client writes above an inline-forwarded message; more than this is a body, not a header block.
    private const int MaxForwardHeaderLines = 20;

    private static string? TextBody(MimeMessage message) =>
        message.TextBody ?? (message.HtmlBody is { } html ? HtmlLinkReader.VisibleText(html) : null);

    /// <summary>
    /// A message forwarded inline: the client's marker line ("---------- Forwarded message ---------",
    /// "-----Original Message-----", "Begin forwarded message:", Outlook's underscore rule) followed by the original's
    /// From/Date/To/Subject lines. The original's own headers (Received, Authentication-Results) did not survive the
    /// forward, so those stay empty rather than describing the reporter's mail.
    /// </summary>
    private (ReportedMessage Message, string? Comment)? InlineForward(MimeMessage outer)
    {
        if (TextBody(outer) is not { } text)
        {
            return null;
        }

        var lines = text.ReplaceLineEndings("\n").Split('\n');
        var marker = Array.FindIndex(lines, l => ForwardMarker().IsMatch(l));
        if (marker < 0)
        {
            return null;
        }

        var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var line = marker + 1;
        while (line < lines.Length && string.IsNullOrWhiteSpace(lines[line]))
        {
            line++;
        }

        for (; line < lines.Length && fields.Count < MaxForwardHeaderLines; line++)
        {
            var match = ForwardHeader().Match(lines[line].Trim().TrimStart('*', '>').Trim());
            if (!match.Success)
            {
                break;
            }

            fields.TryAdd(match.Groups["name"].Value.Replace("*", string.Empty, StringComparison.Ordinal), match.Groups["value"].Value.Trim().Trim('*').Trim());
        }

        if (!fields.TryGetValue("From", out var fromText))
        {
            return null;
        }

        var forwarded = string.Join('\n', lines[(marker + 1)..]);
        var urls = new UrlCollector(limits.MaxUrls);
        var mismatches = new List<LinkMismatch>();
        if (outer.HtmlBody is { } html)
        {
            HtmlLinkReader.Read(html, urls, mismatches);
        }

        urls.AddFromText(forwarded);
        var attachments = new List<MailAttachment>();
        foreach (var part in outer.Attachments.OfType<MimePart>())
        {
            attachments.Add(Attach(part, attachments.Count));
        }

        var from = Mailbox(fromText);
        DateTimeOffset? sentAt = (fields.GetValueOrDefault("Date") ?? fields.GetValueOrDefault("Sent")) is { } dateText && ParseDate(dateText) is { } date ? date : null;
        var message = new ReportedMessage
        {
            // The forward carries no Message-ID; the forwarded text identifies the message for deduplication.
            MessageId = $"sha256:{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(forwarded)))}",
            Subject = fields.GetValueOrDefault("Subject") ?? string.Empty,
            From = from?.ToString() ?? fromText,
            FromAddress = from?.Address,
            ReplyTo = fields.GetValueOrDefault("Reply-To") is { } replyTo ? Mailbox(replyTo)?.Address : null,
            To = Addresses(fields.GetValueOrDefault("To")),
            Cc = Addresses(fields.GetValueOrDefault("Cc")),
            SentAt = sentAt,
            ReceivedAt = sentAt,
            Urls = urls.Urls,
            LinkMismatches = mismatches,
            Attachments = attachments,
            NestedMessages = [],
            Authentication = new MailAuthentication(),
            Received = [],
            InlineForward = true,
        };
        return (message, Comment(string.Join('\n', lines[..marker])));
    }

    private static MailboxAddress? Mailbox(string text)
    {
        // Outlook writes "Name [mailto:someone@example.com]".
        var normalised = MailtoBracket().Replace(text, "<$1>");
        return MailboxAddress.TryParse(normalised, out var mailbox) ? mailbox : null;
    }

    private static string[] Addresses(string? text) =>
        text is null ? [] : [.. text.Split([';', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(Mailbox).Where(m => m is not null).Select(m => m!.Address)];

    private static DateTimeOffset? ParseDate(string text) =>
        DateUtils.TryParse(text, out var date) ? date
        : DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out date) ? date
        : null;

    [GeneratedRegex(@"^\s*(?:-{2,}\s*(?:Forwarded message|Original Message)\s*-{2,}|Begin forwarded message:|_{10,})\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardMarker();

    [GeneratedRegex(@"^\*?(?<name>From|Sent|Date|To|Cc|Subject|Reply-To)\*?:\s*(?<value>.*)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ForwardHeader();

    [GeneratedRegex(@"\[mailto:([^\]\s]+)\]", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MailtoBracket();
}
