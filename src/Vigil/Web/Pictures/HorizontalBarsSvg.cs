using System.Text;
using Microsoft.AspNetCore.Html;

namespace Vigil.Web.Pictures;

/// <summary>One bar per named row (rules, sources), value 0..1 as a share, with the counts written beside it.</summary>
internal static class HorizontalBarsSvg
{
    private const double Width = 640;
    private const double Row = 20;
    private const double Left = 260;

    public static IHtmlContent Render(string label, IReadOnlyList<(string Name, double Share, string Note)> rows)
    {
        if (rows.Count == 0)
        {
            return new HtmlString("<p class=\"muted\">No closed cases name a detection rule in this period.</p>");
        }

        var height = (rows.Count * Row) + 8;
        var svg = Svg.Open(new StringBuilder(), "chart", Width, height, label);
        var plot = Width - Left - 120;
        for (var i = 0; i < rows.Count; i++)
        {
            var y = 4 + (i * Row);
            var (name, share, note) = rows[i];
            svg.Label(Left - 6, y + 14, Svg.Clip(name, 40), "end");
            svg.Append("<rect class=\"lane\" x=\"").Append(Svg.N(Left)).Append("\" y=\"").Append(Svg.N(y + 3)).Append("\" width=\"").Append(Svg.N(plot)).Append("\" height=\"14\"/>");
            svg.Append("<rect class=\"bar bad\" x=\"").Append(Svg.N(Left)).Append("\" y=\"").Append(Svg.N(y + 3)).Append("\" width=\"").Append(Svg.N(plot * Math.Clamp(share, 0, 1)))
                .Append("\" height=\"14\"><title>").Append(Svg.Text($"{name}: {note}")).Append("</title></rect>");
            svg.Label(Left + plot + 6, y + 14, note, css: "muted");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }
}
