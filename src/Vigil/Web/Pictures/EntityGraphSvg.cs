using System.Text;
using Microsoft.AspNetCore.Html;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;

namespace Vigil.Web.Pictures;

/// <summary>
/// The case's entity graph as a picture: the case in the middle, its alerts on an inner ring, the entities they name
/// on an outer ring, an edge wherever an alert names an entity. Entities shared by several alerts are what tie a case
/// together, so they are drawn larger.
/// </summary>
internal static class EntityGraphSvg
{
    private const double Size = 560;
    private const int MaxAlerts = 24;
    private const int MaxEntities = 36;

    public static IHtmlContent Render(string caseTitle, IReadOnlyList<Alert> alerts, IReadOnlyList<Entity> caseEntities)
    {
        var shownAlerts = alerts.Take(MaxAlerts).ToArray();
        var degree = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var alert in shownAlerts)
        {
            foreach (var entity in alert.Entities.DistinctBy(e => e.Key))
            {
                degree[entity.Key] = degree.GetValueOrDefault(entity.Key) + 1;
            }
        }

        var entities = caseEntities.Concat(shownAlerts.SelectMany(a => a.Entities)).DistinctBy(e => e.Key)
            .OrderByDescending(e => degree.GetValueOrDefault(e.Key)).ThenBy(e => e.Key, StringComparer.Ordinal)
            .Take(MaxEntities).ToArray();
        if (entities.Length == 0 && shownAlerts.Length == 0)
        {
            return new HtmlString("<p class=\"muted\">No entities yet.</p>");
        }

        var centre = Size / 2;
        var alertPos = Ring(shownAlerts.Length, 95, centre);
        var entityPos = Ring(entities.Length, 215, centre);
        var index = entities.Select((e, i) => (e.Key, i)).ToDictionary(p => p.Key, p => p.i, StringComparer.Ordinal);

        var svg = Svg.Open(new StringBuilder(), "graph", Size, Size, "Entity graph: the case, its alerts and the entities they name");
        for (var a = 0; a < shownAlerts.Length; a++)
        {
            svg.Line(centre, centre, alertPos[a].X, alertPos[a].Y, "edge");
            foreach (var entity in shownAlerts[a].Entities)
            {
                if (index.TryGetValue(entity.Key, out var e))
                {
                    svg.Line(alertPos[a].X, alertPos[a].Y, entityPos[e].X, entityPos[e].Y, "edge");
                }
            }
        }

        svg.Append("<circle class=\"node case\" cx=\"").Append(Svg.N(centre)).Append("\" cy=\"").Append(Svg.N(centre)).Append("\" r=\"14\"><title>")
            .Append(Svg.Text(caseTitle)).Append("</title></circle>");
        for (var a = 0; a < shownAlerts.Length; a++)
        {
            svg.Append("<a href=\"#").Append(Svg.Text(shownAlerts[a].Id)).Append("\"><rect class=\"node\" x=\"").Append(Svg.N(alertPos[a].X - 6))
                .Append("\" y=\"").Append(Svg.N(alertPos[a].Y - 6)).Append("\" width=\"12\" height=\"12\"><title>")
                .Append(Svg.Text(shownAlerts[a].Title)).Append("</title></rect></a>");
        }

        for (var e = 0; e < entities.Length; e++)
        {
            var (x, y) = entityPos[e];
            var entity = entities[e];
            var r = 5 + Math.Min(degree.GetValueOrDefault(entity.Key), 5) * 1.5;
            svg.Append("<circle class=\"node ").Append(entity.Type.ToWire()).Append("\" cx=\"").Append(Svg.N(x)).Append("\" cy=\"").Append(Svg.N(y))
                .Append("\" r=\"").Append(Svg.N(r)).Append("\"><title>").Append(Svg.Text(entity.Key)).Append("</title></circle>");
            var anchor = x < centre - 5 ? "end" : x > centre + 5 ? "start" : "middle";
            svg.Label(x + (anchor == "end" ? -r - 3 : anchor == "start" ? r + 3 : 0), y + (anchor == "middle" ? (y < centre ? -r - 3 : r + 11) : 4),
                Svg.Clip(entity.Value, 26), anchor);
        }

        if (alerts.Count > MaxAlerts || caseEntities.Count > MaxEntities)
        {
            svg.Label(8, Size - 8, $"showing {shownAlerts.Length} of {alerts.Count} alerts, {entities.Length} entities", css: "muted");
        }

        return new HtmlString(svg.Append("</svg>").ToString());
    }

    private static (double X, double Y)[] Ring(int count, double radius, double centre) =>
        Enumerable.Range(0, count)
            .Select(i => (-Math.PI / 2) + (2 * Math.PI * i / Math.Max(count, 1)))
            .Select(angle => (centre + (radius * Math.Cos(angle)), centre + (radius * Math.Sin(angle))))
            .ToArray();
}
