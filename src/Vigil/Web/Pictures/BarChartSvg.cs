using System.Text;
using Microsoft.AspNetCore.Html;

namespace Vigil.Web.Pictures;

/// <summary>
/// Vertical bars for one or two series over labelled buckets (days, age bands), with a light grid and the maximum on
/// the axis. The second series is drawn beside the first in each bucket.
/// </summary>
internal static class BarChartSvg
{
    private const double Width = 640;
    private const double Height = 200;
    private const double Left = 36;
    private const double Bottom = 22;
    private const double Top = 8;

    public static IHtmlContent Render(string label, IReadOnlyList<string> buckets, IReadOnlyList<double> first, IReadOnlyList<double>? second = null, string firstCss = "bar", string secondCss = "bar alt")
    {
        var max = Math.Max(1, Math.Max(first.DefaultIfEmpty(0).Max(), second?.DefaultIfEmpty(0).Max() ?? 0));
        var plotW = Width - Left - 8;
        var plotH = Height - Top - Bottom;
        var slot = plotW / Math.Max(buckets.Count, 1);
        var bar = Math.Max(1, (slot * 0.8) / (second is null ? 1 : 2));
        var svg = Svg.Open(new StringBuilder(), "chart", Width, Height, label);
        foreach (var fraction in new[] { 0.5, 1.0 })
        {
            var y = Top + plotH - (plotH * fraction);
            svg.Line(Left, y, Width - 8, y, "grid-line");
            svg.Label(Left - 4, y + 4, Svg.N(max * fraction), "end", "muted");
        }

        svg.Line(Left, Top + plotH, Width - 8, Top + plotH, "axis");
        var labelEvery = Math.Max(1, (int)Math.Ceiling(buckets.Count / 10.0));
        for (var i = 0; i < buckets.Count; i++)
        {
            var x = Left + (i * slot) + (slot * 0.1);
            Bar(svg, x, first[i], max, plotH, bar, firstCss, $"{buckets[i]}: {Svg.N(first[i])}");
            if (second is not null)
            {
                Bar(svg, x + bar, second[i], max, plotH, bar, secondCss, $"{buckets[i]}: {Svg.N(second[i])}");
            }

            if (i % labelEvery == 0)
            {
                svg.Label(Left + (i * slot) + (slot / 2), Height - 6, buckets[i], "middle", "muted");
            }
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static void Bar(StringBuilder svg, double x, double value, double max, double plotH, double width, string css, string title)
    {
        var h = plotH * value / max;
        svg.Append("<rect class=\"").Append(css).Append("\" x=\"").Append(Svg.N(x)).Append("\" y=\"").Append(Svg.N(Top + plotH - h))
            .Append("\" width=\"").Append(Svg.N(width)).Append("\" height=\"").Append(Svg.N(h)).Append("\"><title>").Append(Svg.Text(title)).Append("</title></rect>");
    }
}
