using System.Text.Json;
using Vigil.Detection.Attack;
using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Correlate;

public sealed partial class CorrelationViews
{
    /// <summary>The case's alerts (event time) and case activity (ledger) in time order, with ATT&amp;CK in kill-chain order.</summary>
    public async Task<CaseTimeline?> TimelineAsync(string caseId, CancellationToken cancellationToken)
    {
        if (await store.GetCaseAsync(caseId, cancellationToken) is null)
        {
            return null;
        }

        var reasons = await ReasonsAsync(caseId, cancellationToken);
        var entries = new List<TimelineEntry>();
        var techniques = new Dictionary<string, (AttackTechnique Technique, DateTimeOffset First, List<string> Alerts, HashSet<AttackTactic> Tactics)>(StringComparer.Ordinal);
        var unknown = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var alert in await store.GetCaseAlertsAsync(caseId, cancellationToken))
        {
            var attack = AlertAttack.From(alert.Tags, _catalog);
            unknown.UnionWith(attack.Unknown);
            foreach (var technique in attack.Techniques)
            {
                if (!techniques.TryGetValue(technique.Id, out var seen))
                {
                    techniques[technique.Id] = seen = (technique, alert.OccurredAt, [], []);
                }

                seen.Alerts.Add(alert.Id);
                seen.Tactics.UnionWith(attack.TacticsOf(technique));
                if (alert.OccurredAt < seen.First)
                {
                    techniques[technique.Id] = seen with { First = alert.OccurredAt };
                }
            }

            entries.Add(new TimelineEntry
            {
                At = alert.OccurredAt,
                Kind = "alert",
                Title = alert.Title,
                AlertId = alert.Id,
                Source = alert.Source,
                Severity = alert.Severity,
                Techniques = [.. attack.Techniques.Select(t => t.Id)],
                Tactics = [.. attack.Tactics.Select(t => t.ShortName)],
                Detail = reasons.GetValueOrDefault(alert.Id),
            });
        }

        foreach (var entry in await store.ReadLedgerAsync(caseId, cancellationToken))
        {
            // Openings and attachments are the alerts themselves, already above with their reasons.
            if (entry.Kind is not LedgerKinds.CaseOpened and not LedgerKinds.AlertAttached)
            {
                entries.Add(new TimelineEntry { At = entry.At, Kind = entry.Kind, Title = Describe(entry), Detail = entry.Actor.ToString(), LedgerSeq = entry.Seq });
            }
        }

        entries.Sort(static (a, b) => a.At != b.At ? a.At.CompareTo(b.At) : (a.LedgerSeq ?? -1).CompareTo(b.LedgerSeq ?? -1));
        var tactics = techniques.Values
            .SelectMany(seen => seen.Tactics.Select(tactic => (Tactic: tactic, Seen: seen)))
            .GroupBy(pair => pair.Tactic)
            .OrderBy(group => group.Key.KillChainOrder)
            .Select(group => new TacticSeen(group.Key.Id, group.Key.ShortName, group.Key.Name, group.Key.KillChainOrder, [.. group
                .OrderBy(pair => pair.Seen.First)
                .ThenBy(pair => pair.Seen.Technique.Id, StringComparer.Ordinal)
                .Select(pair => new TechniqueSeen(pair.Seen.Technique.Id, pair.Seen.Technique.Name, pair.Seen.First, pair.Seen.Alerts))]))
            .ToList();
        return new CaseTimeline(caseId, entries, tactics, [.. unknown]);
    }

    /// <summary>A one-line account of a ledger entry, from the fields its kind records.</summary>
    private static string Describe(LedgerEntry entry)
    {
        try
        {
            using var payload = JsonDocument.Parse(entry.Payload);
            var root = payload.RootElement;
            string? Text(string name) => root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString()
                : null;
            return entry.Kind switch
            {
                LedgerKinds.StateChanged => $"state {Text("from")} → {Text("to")}" + (Text("reason") is { } reason ? $": {reason}" : ""),
                LedgerKinds.Closed => $"closed as {Text("classification")}" + (Text("note") is { } note ? $": {note}" : ""),
                LedgerKinds.Reopened => $"reopened: {Text("reason")}",
                LedgerKinds.NoteAdded => $"note: {Text("text")}",
                LedgerKinds.Assigned => $"assigned to {Text("to") ?? "nobody"}",
                LedgerKinds.SeverityChanged => $"severity {Text("from")} → {Text("to")}" + (Text("reason") is { } why ? $": {why}" : ""),
                LedgerKinds.MergedInto => $"merged into {Text("target_case_id")}",
                LedgerKinds.MergedFrom => $"merged from {Text("source_case_id")}",
                _ => entry.Kind,
            };
        }
        catch (JsonException)
        {
            return entry.Kind;
        }
    }
}
