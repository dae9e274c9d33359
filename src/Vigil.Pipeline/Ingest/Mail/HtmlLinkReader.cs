using System.Text;
using MimeKit.Text;

namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>
/// Reads an HTML body with MimeKit's tokenizer (a tokenizer only: no DOM, no scripts, no network): href attributes,
/// URLs in visible text, and links whose visible text names a different host than they lead to.
/// </summary>
internal static class HtmlLinkReader
{
    private const int MaxAnchorText = 2_048;

    public static void Read(string html, UrlCollector urls, List<LinkMismatch> mismatches)
    {
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        string? anchorHref = null;
        var anchorText = new StringBuilder();
        var hidden = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            switch (token)
            {
                case HtmlTagToken tag when tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Title:
                    // Text inside these is never shown as body text.
                    hidden = tag.IsEndTag ? Math.Max(0, hidden - 1) : tag.IsEmptyElement ? hidden : hidden + 1;
                    break;
                case HtmlTagToken tag when tag.Id == HtmlTagId.A && tag.IsEndTag:
                    CloseAnchor(anchorHref, anchorText, mismatches);
                    anchorHref = null;
                    break;
                case HtmlTagToken tag:
                    foreach (var attribute in tag.Attributes)
                    {
                        if (attribute.Id == HtmlAttributeId.Href && attribute.Value is { } href)
                        {
                            urls.AddHref(href);
                            if (tag.Id == HtmlTagId.A && !tag.IsEndTag)
                            {
                                CloseAnchor(anchorHref, anchorText, mismatches);
                                anchorHref = href.Trim();
                            }
                        }
                    }

                    break;
                case HtmlDataToken data when hidden == 0 && token.Kind == HtmlTokenKind.Data:
                    urls.AddFromText(data.Data);
                    if (anchorHref is not null && anchorText.Length < MaxAnchorText)
                    {
                        anchorText.Append(data.Data);
                    }

                    break;
            }
        }

        CloseAnchor(anchorHref, anchorText, mismatches);
    }

    /// <summary>The visible text of an HTML body, for reading an inline-forwarded header block.</summary>
    public static string VisibleText(string html)
    {
        using var reader = new StringReader(html);
        var tokenizer = new HtmlTokenizer(reader);
        var text = new StringBuilder();
        var hidden = 0;
        while (tokenizer.ReadNextToken(out var token))
        {
            if (token is HtmlTagToken tag)
            {
                if (tag.Id is HtmlTagId.Script or HtmlTagId.Style or HtmlTagId.Title)
                {
                    hidden = tag.IsEndTag ? Math.Max(0, hidden - 1) : tag.IsEmptyElement ? hidden : hidden + 1;
                }
                else if (tag.Id is HtmlTagId.Br or HtmlTagId.P or HtmlTagId.Div or HtmlTagId.TR or HtmlTagId.HR)
                {
                    text.Append('\n');
                }
            }
            else if (token is HtmlDataToken data && hidden == 0 && token.Kind == HtmlTokenKind.Data)
            {
                text.Append(data.Data);
            }
        }

        return text.ToString();
    }

    private static void CloseAnchor(string? href, StringBuilder text, List<LinkMismatch> mismatches)
    {
        if (href is not null && UrlCollector.HostOf(href) is { } target
            && UrlCollector.ShownHost(text.ToString()) is { } shown && !string.Equals(shown, target, StringComparison.Ordinal))
        {
            mismatches.Add(new LinkMismatch { Href = href, Text = text.ToString().Trim() });
        }

        text.Clear();
    }
}
