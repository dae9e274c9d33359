using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;

namespace Vigil.Web.Metrics;

/// <summary>
/// The numbers on the metrics page, computed from case facts for one period: per-day opened/closed/breached, mean
/// time to acknowledge (first assignment) and to resolve (close), SLA breaches, backlog by age, and the
/// false-positive share per detection rule.
/// </summary>
internal sealed record CaseMetrics
{
    public static readonly (string Label, TimeSpan Upper)[] AgeBands =
    [
        ("< 1h", TimeSpan.FromHours(1)), ("1-4h", TimeSpan.FromHours(4)), ("4-24h", TimeSpan.FromDays(1)),
        ("1-3d", TimeSpan.FromDays(3)), ("3-7d", TimeSpan.FromDays(7)), ("> 7d", TimeSpan.MaxValue),
    ];

    public required IReadOnlyList<string> Days { get; init; }

    public required IReadOnlyList<double> Opened { get; init; }

    public required IReadOnlyList<double> Closed { get; init; }

    public required IReadOnlyList<double> Breached { get; init; }

    public required TimeSpan? MeanTimeToAcknowledge { get; init; }

    public required TimeSpan? MeanTimeToResolve { get; init; }

    public required int SlaBreaches { get; init; }

    public required int OpenNow { get; init; }

    public required IReadOnlyList<double> BacklogByAge { get; init; }

    public required IReadOnlyList<(string Rule, double Share, string Note)> FalsePositiveByRule { get; init; }

    public static CaseMetrics Compute(IReadOnlyList<CaseFact> facts, IReadOnlyList<RuleOutcome> rules, DateTimeOffset from, DateTimeOffset now)
    {
        var firstDay = from.UtcDateTime.Date;
        var dayCount = Math.Max(1, (int)Math.Ceiling((now.UtcDateTime - firstDay).TotalDays));
        var opened = new double[dayCount];
        var closed = new double[dayCount];
        var breached = new double[dayCount];
        var backlog = new double[AgeBands.Length];
        var acknowledge = new List<TimeSpan>();
        var resolve = new List<TimeSpan>();
        var breaches = 0;
        var open = 0;
        int Day(DateTimeOffset at) => Math.Clamp((int)(at.UtcDateTime.Date - firstDay).TotalDays, 0, dayCount - 1);

        foreach (var fact in facts)
        {
            if (fact.OpenedAt >= from)
            {
                opened[Day(fact.OpenedAt)]++;
                if (fact.FirstAssignedAt is { } assigned)
                {
                    acknowledge.Add(assigned - fact.OpenedAt);
                }
            }

            if (fact.ClosedAt is { } closedAt && closedAt >= from)
            {
                closed[Day(closedAt)]++;
                resolve.Add(closedAt - fact.OpenedAt);
            }

            // A breach counts on the day the SLA ran out: closed after it, or still open past it.
            var end = fact.ClosedAt ?? now;
            if (end > fact.SlaDueAt && fact.SlaDueAt >= from && fact.SlaDueAt <= now)
            {
                breaches++;
                breached[Day(fact.SlaDueAt)]++;
            }

            if (fact.ClosedAt is null)
            {
                open++;
                var age = now - fact.OpenedAt;
                backlog[Array.FindIndex(AgeBands, band => age < band.Upper)]++;
            }
        }

        return new CaseMetrics
        {
            Days = Enumerable.Range(0, dayCount).Select(i => firstDay.AddDays(i).ToString("MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            Opened = opened,
            Closed = closed,
            Breached = breached,
            MeanTimeToAcknowledge = Mean(acknowledge),
            MeanTimeToResolve = Mean(resolve),
            SlaBreaches = breaches,
            OpenNow = open,
            BacklogByAge = backlog,
            FalsePositiveByRule = rules.GroupBy(r => r.Rule, StringComparer.Ordinal)
                .Select(g =>
                {
                    var total = g.Sum(r => r.Cases);
                    var fp = g.Where(r => r.Classification == Classification.FalsePositive).Sum(r => r.Cases);
                    return (g.Key, (double)fp / total, $"{fp} of {total} false positive");
                })
                .OrderByDescending(r => r.Item2).ThenByDescending(r => r.Item3.Length).Take(15).ToArray(),
        };
    }

    private static TimeSpan? Mean(List<TimeSpan> spans) =>
        spans.Count == 0 ? null : TimeSpan.FromTicks((long)spans.Average(s => s.Ticks));
}
