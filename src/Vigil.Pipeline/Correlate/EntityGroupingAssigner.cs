using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// Groups by shared entities, the default grouping: a new alert joins the open case that saw its entities within the
/// lookback of its rule (<see cref="GroupingPolicy"/>), or opens a case; a full case sends it to an overflow case.
/// Every decision carries its reason in words ("joined: same host ws-12 and user alice within 30 min").
/// </summary>
/// <remarks>
/// Runs inside the ingest transaction, once per new alert: one indexed lookup (ix_vigil_case_entities_recent), no
/// other round trip. Because the lookup sees the transaction's own writes, alerts of one batch group with each other.
/// </remarks>
public sealed class EntityGroupingAssigner(GroupingPolicy policy) : ICaseAssigner
{
    /// <summary>Most (case, entity) rows one lookup reads: the most recently active, which is where a storm's live case is.</summary>
    public const int HitLimit = 256;

    private const int MaxValueInReason = 80;

    public GroupingPolicy Policy => policy;

    public async Task<CaseAssignment> AssignAsync(Alert alert, IStoreTransaction transaction, CancellationToken cancellationToken)
    {
        var rule = policy.RuleFor(alert);
        if (rule is null)
        {
            return CaseAssignment.OpenNew("opened: no grouping rule applies to this alert");
        }

        if (rule.Mode == GroupingMode.Never)
        {
            return CaseAssignment.OpenNew($"opened: grouping rule \"{rule.Name}\" never groups") with { Rule = rule.Name };
        }

        var considered = policy.Considered(alert, rule);
        if (considered.Count == 0)
        {
            return CaseAssignment.OpenNew($"opened: no entity to group on (rule \"{rule.Name}\": {rule.ModeDescription})") with { Rule = rule.Name };
        }

        var keys = new string[considered.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = considered[i].Key;
        }

        var since = alert.OccurredAt - rule.Lookback < DateTimeOffset.UnixEpoch ? DateTimeOffset.UnixEpoch : alert.OccurredAt - rule.Lookback;
        var hits = await transaction.FindOpenCasesByEntitiesAsync(keys, since, HitLimit, cancellationToken);
        var (best, full) = Choose(hits, keys.Length, rule);
        var within = $"within {Describe(rule.Lookback)} (rule \"{rule.Name}\": {rule.ModeDescription})";
        if (best is not null)
        {
            var matched = InAlertOrder(keys, best.Matched);
            return CaseAssignment.Join(best.CaseId, $"joined: same {Describe(matched, considered)} {within}") with
            {
                Rule = rule.Name,
                Matched = matched,
            };
        }

        if (full is not null)
        {
            var matched = InAlertOrder(keys, full.Matched);
            return CaseAssignment.OpenNew(
                $"opened as overflow: case {full.CaseId} reached its cap of {rule.MaxAlerts} alerts; same {Describe(matched, considered)} {within}") with
            {
                Rule = rule.Name,
                Matched = matched,
                OverflowOf = full.CaseId,
            };
        }

        return CaseAssignment.OpenNew($"opened: no open case saw {Describe(keys, considered)} {within}") with { Rule = rule.Name };
    }

    /// <summary>The matched keys in the order the alert names them, so a reason reads the same on either engine.</summary>
    private static string[] InAlertOrder(string[] keys, List<string> matched) => [.. keys.Where(matched.Contains)];

    /// <summary>The qualifying case with room that shares most (then was active last), and the best full one.</summary>
    private static (Candidate? Best, Candidate? Full) Choose(IReadOnlyList<CaseEntityHit> hits, int keyCount, GroupingRule rule)
    {
        if (hits.Count == 0)
        {
            return (null, null);
        }

        // Hits come most recent first, so the first row of a case carries its latest activity.
        var candidates = new List<Candidate>();
        foreach (var hit in hits)
        {
            var candidate = candidates.Find(c => string.Equals(c.CaseId, hit.CaseId, StringComparison.Ordinal));
            if (candidate is null)
            {
                candidates.Add(candidate = new Candidate(hit.CaseId, hit.AlertCount, hit.LastAt));
            }

            if (!candidate.Matched.Contains(hit.EntityKey))
            {
                candidate.Matched.Add(hit.EntityKey);
            }
        }

        Candidate? best = null;
        Candidate? full = null;
        foreach (var candidate in candidates)
        {
            if (rule.Mode == GroupingMode.All && candidate.Matched.Count < keyCount)
            {
                continue;
            }

            if (candidate.AlertCount < rule.MaxAlerts)
            {
                best = Better(candidate, best);
            }
            else
            {
                full = Better(candidate, full);
            }
        }

        return (best, full);
    }

    private static Candidate Better(Candidate candidate, Candidate? current) =>
        current is null || candidate.Matched.Count > current.Matched.Count
        || (candidate.Matched.Count == current.Matched.Count && candidate.LastAt > current.LastAt)
            ? candidate
            : current;

    /// <summary>"host ws-12 and user alice", "host a, user b, ip c and 2 more".</summary>
    private static string Describe(IReadOnlyList<string> keys, List<Entity> considered)
    {
        const int Shown = 3;
        var parts = new List<string>(Math.Min(keys.Count, Shown));
        foreach (var key in keys)
        {
            if (parts.Count == Shown)
            {
                break;
            }

            var entity = considered.Find(e => e.Key == key);
            var value = entity?.Value ?? key;
            value = value.Length > MaxValueInReason ? string.Concat(value.AsSpan(0, MaxValueInReason), "…") : value;
            parts.Add(entity is null ? value : $"{entity.Type.ToWire()} {value}");
        }

        var more = keys.Count - parts.Count;
        return more > 0
            ? $"{string.Join(", ", parts)} and {more} more"
            : parts.Count == 1 ? parts[0] : $"{string.Join(", ", parts.Take(parts.Count - 1))} and {parts[^1]}";
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? $"{span.TotalDays:0} d"
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours:0} h"
        : span.TotalMinutes >= 1 && span.TotalMinutes % 1 == 0 ? $"{span.TotalMinutes:0} min"
        : $"{span.TotalSeconds:0} s";

    private sealed class Candidate(string caseId, int alertCount, DateTimeOffset lastAt)
    {
        public string CaseId { get; } = caseId;

        public int AlertCount { get; } = alertCount;

        public DateTimeOffset LastAt { get; } = lastAt;

        public List<string> Matched { get; } = [];
    }
}
