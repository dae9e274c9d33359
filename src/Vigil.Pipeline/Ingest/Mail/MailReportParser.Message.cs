using System.Net;
using System.Security.Cryptography;
using MimeKit;

namespace Vigil.Pipeline.Ingest.Mail;

public sealed partial class MailReportParser
{
    private ReportedMessage ReadMessage(MimeMessage message, int depth)
    {
        var urls = new UrlCollector(limits.MaxUrls);
        var mismatches = new List<LinkMismatch>();
        var attachments = new List<MailAttachment>();
        var nested = new List<NestedMessage>();
        foreach (var part in message.BodyParts)
        {
            switch (part)
            {
                case TextPart text when !text.IsAttachment && text.FileName is null:
                    ReadBody(text, urls, mismatches);
                    break;
                case MessagePart { Message: { } inner }:
                    attachments.Add(Attach(inner, attachments.Count));
                    ReadNested(inner, depth + 1, nested);
                    break;
                case MimePart file:
                    attachments.Add(Attach(file, attachments.Count));
                    break;
            }
        }

        var from = message.From.Mailboxes.FirstOrDefault();
        var hops = message.Headers.Where(h => h.Id == HeaderId.Received).Select(h => ReceivedHeaderReader.Read(h.Value)).ToList();
        DateTimeOffset? sentAt = message.Headers[HeaderId.Date] is not null ? message.Date : null;
        return new ReportedMessage
        {
            MessageId = message.MessageId is { Length: > 0 } id ? $"<{id}>" : $"sha256:{Hex(HashOf(message))}",
            Subject = message.Subject ?? string.Empty,
            From = from?.ToString(),
            FromAddress = from?.Address,
            ReplyTo = message.ReplyTo.Mailboxes.FirstOrDefault()?.Address,
            ReturnPath = NullIfBlank(message.Headers[HeaderId.ReturnPath]?.Trim().Trim('<', '>')),
            Sender = message.Sender?.Address,
            To = [.. message.To.Mailboxes.Select(m => m.Address)],
            Cc = [.. message.Cc.Mailboxes.Select(m => m.Address)],
            SentAt = sentAt,
            ReceivedAt = hops.FirstOrDefault(h => h.Time is not null)?.Time ?? sentAt,
            SenderIp = OriginatingIp(message.Headers["X-Originating-IP"]),
            Urls = urls.Urls,
            LinkMismatches = mismatches,
            Attachments = attachments,
            NestedMessages = nested,
            Authentication = AuthenticationReader.Read(message.Headers),
            Received = hops,
        };
    }

    private static void ReadBody(TextPart text, UrlCollector urls, List<LinkMismatch> mismatches)
    {
        if (text.IsHtml)
        {
            HtmlLinkReader.Read(text.Text, urls, mismatches);
        }
        else
        {
            urls.AddFromText(text.Text);
        }
    }

    private void ReadNested(MimeMessage inner, int depth, List<NestedMessage> nested)
    {
        if (depth > limits.MaxNestingDepth)
        {
            throw new MailLimitException($"messages are nested more than {limits.MaxNestingDepth} deep (MaxNestingDepth)");
        }

        nested.Add(new NestedMessage
        {
            MessageId = inner.MessageId is { Length: > 0 } id ? $"<{id}>" : null,
            Subject = inner.Subject,
            From = inner.From.Mailboxes.FirstOrDefault()?.Address,
            Depth = depth,
        });
        foreach (var part in inner.BodyParts)
        {
            if (part is MessagePart { Message: { } deeper })
            {
                ReadNested(deeper, depth + 1, nested);
            }
        }
    }

    private MailAttachment Attach(MimePart file, int count)
    {
        CheckAttachmentCount(count);
        using var content = new MemoryStream();
        file.Content?.DecodeTo(content);
        return Describe(file.FileName ?? string.Empty, file.ContentType.MimeType, content);
    }

    private MailAttachment Attach(MimeMessage inner, int count)
    {
        CheckAttachmentCount(count);
        using var content = new MemoryStream();
        inner.WriteTo(content);
        return Describe($"{inner.Subject ?? "message"}.eml", "message/rfc822", content);
    }

    private void CheckAttachmentCount(int count)
    {
        if (count >= limits.MaxAttachments)
        {
            throw new MailLimitException($"the message has more than {limits.MaxAttachments} attachments (MaxAttachments)");
        }
    }

#pragma warning disable CA5350, CA5351 // SHA-1 and MD5 are indicator identifiers here (threat feeds still publish them), not protection.
    private static MailAttachment Describe(string fileName, string contentType, MemoryStream content)
    {
        var bytes = content.GetBuffer().AsSpan(0, (int)content.Length);
        return new MailAttachment
        {
            Filename = fileName,
            ContentType = contentType,
            Size = content.Length,
            Sha256 = Hex(SHA256.HashData(bytes)),
            Sha1 = Hex(SHA1.HashData(bytes)),
            Md5 = Hex(MD5.HashData(bytes)),
        };
    }
#pragma warning restore CA5350, CA5351

    private static byte[] HashOf(MimeMessage message)
    {
        using var content = new MemoryStream();
        message.WriteTo(content);
        return SHA256.HashData(content.GetBuffer().AsSpan(0, (int)content.Length));
    }

    private static string? OriginatingIp(string? header)
    {
        var value = header?.Trim().Trim('[', ']');
        return value is not null && IPAddress.TryParse(value, out var address) ? address.ToString() : null;
    }
}
