using System.Text;
using Microsoft.AspNetCore.Html;
using Vigil.Detection.Attack;
using Vigil.Domain;
using Vigil.Domain.Alerts;

namespace Vigil.Web.Pictures;

/// <summary>
/// The case timeline as a picture: one lane per ATT&amp;CK tactic the alerts carry (kill-chain order), time left to
/// right, each alert a dot coloured by severity with its title as a tooltip. Alerts without a tactic share a lane.
/// </summary>
internal static class TimelineSvg
{
    private const double Width = 1000;
    private const double LaneHeight = 26;
    private const double Left = 170;
    private const double Right = 20;
    private const double Top = 10;

    public static IHtmlContent Render(IReadOnlyList<Alert> alerts, AttackCatalog catalog)
    {
        if (alerts.Count == 0)
        {
            return new HtmlString("<p class=\"muted\">No alerts yet.</p>");
        }

        var placed = alerts.Select(alert => (Alert: alert, Tactics: TacticsOf(alert, catalog))).ToArray();
        var lanes = placed.SelectMany(p => p.Tactics).Distinct().OrderBy(t => t.KillChainOrder).Select(t => t.Name).ToList();
        if (placed.Any(p => p.Tactics.Count == 0))
        {
            lanes.Add("No ATT&CK tactic");
        }

        var start = alerts.Min(a => a.OccurredAt);
        var end = alerts.Max(a => a.LastSeen > a.OccurredAt ? a.LastSeen : a.OccurredAt);
        var span = Math.Max((end - start).TotalSeconds, 60);
        double X(DateTimeOffset at) => Left + ((at - start).TotalSeconds / span * (Width - Left - Right));

        var height = Top + (lanes.Count * LaneHeight) + 30;
        var svg = Svg.Open(new StringBuilder(), "timeline", Width, height, "Timeline of the case's alerts by ATT&CK tactic");
        for (var i = 0; i < lanes.Count; i++)
        {
            var y = Top + (i * LaneHeight);
            if (i % 2 == 0)
            {
                svg.Append("<rect class=\"lane\" x=\"0\" y=\"").Append(Svg.N(y)).Append("\" width=\"").Append(Svg.N(Width)).Append("\" height=\"").Append(Svg.N(LaneHeight)).Append("\"/>");
            }

            svg.Label(8, y + 17, lanes[i]);
        }

        var axisY = Top + (lanes.Count * LaneHeight);
        svg.Line(Left, axisY, Width - Right, axisY, "axis");
        svg.Label(Left, axisY + 16, ConsoleFormat.Time(start), "start", "muted");
        svg.Label(Width - Right, axisY + 16, ConsoleFormat.Time(end), "end", "muted");
        foreach (var (alert, tactics) in placed)
        {
            var names = tactics.Count == 0 ? ["No ATT&CK tactic"] : tactics.Select(t => t.Name);
            foreach (var name in names)
            {
                var y = Top + (lanes.IndexOf(name) * LaneHeight) + (LaneHeight / 2);
                svg.Append("<a href=\"#").Append(Svg.Text(alert.Id)).Append("\"><circle class=\"dot ").Append(alert.Severity.ToWire())
                    .Append("\" cx=\"").Append(Svg.N(X(alert.OccurredAt))).Append("\" cy=\"").Append(Svg.N(y)).Append("\" r=\"6\"><title>")
                    .Append(Svg.Text($"{ConsoleFormat.Time(alert.OccurredAt)} · {alert.Severity.ToWire()} · {alert.Title}"))
                    .Append("</title></circle></a>");
            }
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static IReadOnlyList<AttackTactic> TacticsOf(Alert alert, AttackCatalog catalog)
    {
        var tactics = new List<AttackTactic>();
        foreach (var tag in catalog.ResolveTags(alert.Tags))
        {
            if (tag.Tactic is { } tactic)
            {
                tactics.Add(tactic);
            }
            else if (tag.Technique is { } technique)
            {
                tactics.AddRange(technique.Tactics);
            }
        }

        return tactics.Distinct().ToArray();
    }
}
