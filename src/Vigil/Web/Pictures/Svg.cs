using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Vigil.Web.Pictures;

/// <summary>
/// Small helpers for server-drawn SVG. Every piece of text goes through <see cref="Text"/> (HTML-encoded: alert
/// fields are attacker-controlled); numbers are written invariantly; styling is by class only, as the CSP forbids
/// inline style.
/// </summary>
internal static class Svg
{
    public static string Text(string value) => HtmlEncoder.Default.Encode(value);

    public static string N(double value) => Math.Round(value, 1).ToString(CultureInfo.InvariantCulture);

    public static string Clip(string value, int max) => value.Length <= max ? value : string.Concat(value.AsSpan(0, max - 1), "…");

    public static StringBuilder Open(StringBuilder svg, string css, double width, double height, string label) =>
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"{css}\" viewBox=\"0 0 {N(width)} {N(height)}\" role=\"img\" aria-label=\"{Text(label)}\" xmlns=\"http://www.w3.org/2000/svg\">");

    public static StringBuilder Label(this StringBuilder svg, double x, double y, string text, string? anchor = null, string? css = null) =>
        svg.Append("<text x=\"").Append(N(x)).Append("\" y=\"").Append(N(y)).Append('"')
            .Append(anchor is null ? string.Empty : $" text-anchor=\"{anchor}\"")
            .Append(css is null ? string.Empty : $" class=\"{css}\"")
            .Append('>').Append(Text(text)).Append("</text>");

    public static StringBuilder Line(this StringBuilder svg, double x1, double y1, double x2, double y2, string css) =>
        svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{css}\" x1=\"{N(x1)}\" y1=\"{N(y1)}\" x2=\"{N(x2)}\" y2=\"{N(y2)}\"/>");
}
