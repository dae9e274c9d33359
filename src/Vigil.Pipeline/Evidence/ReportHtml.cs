using System.Text;
using System.Text.Encodings.Web;

namespace Vigil.Pipeline.Evidence;

/// <summary>
/// A small writer for Vigil's printable reports. Every piece of text goes through <see cref="HtmlEncoder"/>: reports
/// quote alert content, which is attacker-controlled. The page loads nothing and runs nothing (CSP default-src 'none').
/// </summary>
public sealed class ReportHtml
{
    private const string Style = """
        body{font:13px/1.45 system-ui,sans-serif;color:#111;margin:2em;max-width:70em}
        h1{font-size:1.6em;margin:0 0 .2em}h2{font-size:1.2em;margin:1.6em 0 .4em;border-bottom:1px solid #999}
        table{border-collapse:collapse;width:100%;margin:.4em 0}th,td{border:1px solid #bbb;padding:.25em .45em;text-align:left;vertical-align:top}
        th{background:#eee}pre{white-space:pre-wrap;word-break:break-all;background:#f6f6f6;padding:.5em;font-size:11px}
        .meta{color:#444}.gap{color:#a00;font-weight:600}.ok{color:#060}
        @media print{body{margin:0}h2{break-after:avoid}tr{break-inside:avoid}}
        """;

    /// <summary>The CSP that lets the report's one inline stylesheet apply and nothing else (served reports send it as a header).</summary>
    public static string ContentSecurityPolicy { get; } =
        $"default-src 'none'; style-src 'sha256-{Convert.ToBase64String(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(Style)))}'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private readonly StringBuilder _html = new();
    private readonly HtmlEncoder _encoder = HtmlEncoder.Default;

    public ReportHtml(string title)
    {
        _html.Append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"").Append(ContentSecurityPolicy.Replace("; frame-ancestors 'none'", string.Empty, StringComparison.Ordinal)).Append("\">")
            .Append("<title>").Append(_encoder.Encode(title)).Append("</title><style>").Append(Style).Append("</style></head><body>\n")
            .Append("<h1>").Append(_encoder.Encode(title)).Append("</h1>\n");
    }

    public ReportHtml Heading(string text)
    {
        _html.Append("<h2>").Append(_encoder.Encode(text)).Append("</h2>\n");
        return this;
    }

    public ReportHtml Paragraph(string text, string? cssClass = null)
    {
        _html.Append(cssClass is null ? "<p>" : $"<p class=\"{cssClass}\">").Append(_encoder.Encode(text)).Append("</p>\n");
        return this;
    }

    public ReportHtml Preformatted(string text)
    {
        _html.Append("<pre>").Append(_encoder.Encode(text)).Append("</pre>\n");
        return this;
    }

    /// <summary>A definition table: one row per (name, value).</summary>
    public ReportHtml Facts(IEnumerable<(string Name, string? Value)> facts)
    {
        _html.Append("<table>");
        foreach (var (name, value) in facts)
        {
            _html.Append("<tr><th>").Append(_encoder.Encode(name)).Append("</th><td>").Append(_encoder.Encode(value ?? "—")).Append("</td></tr>");
        }

        _html.Append("</table>\n");
        return this;
    }

    public ReportHtml Table(IReadOnlyList<string> headers, IEnumerable<IReadOnlyList<string?>> rows, string empty = "none")
    {
        var any = false;
        var body = new StringBuilder();
        foreach (var row in rows)
        {
            any = true;
            body.Append("<tr>");
            foreach (var cell in row)
            {
                body.Append("<td>").Append(_encoder.Encode(cell ?? "—")).Append("</td>");
            }

            body.Append("</tr>");
        }

        if (!any)
        {
            return Paragraph(empty, "meta");
        }

        _html.Append("<table><tr>");
        foreach (var header in headers)
        {
            _html.Append("<th>").Append(_encoder.Encode(header)).Append("</th>");
        }

        _html.Append("</tr>").Append(body).Append("</table>\n");
        return this;
    }

    public override string ToString() => new StringBuilder(_html.ToString()).Append("</body></html>\n").ToString();
}
