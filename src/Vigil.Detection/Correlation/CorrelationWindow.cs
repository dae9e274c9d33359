using System.Runtime.InteropServices;

namespace Vigil.Detection.Correlation;

/// <summary>
/// The hits of one (correlation, group) held in time order, with the running aggregates every correlation type
/// needs, so a new hit costs O(1) amortised rather than a rescan (value_count over a busy host holds thousands).
/// </summary>
internal sealed class CorrelationWindow(string?[] groupValues, int ruleCount, DateTimeOffset start)
{
    private readonly List<Contribution> _items = [];
    private static readonly Dictionary<string, int> NoValues = [];

    // Only value_count and value_percentile-by-share carry string values; the rest never allocate this.
    private Dictionary<string, int>? _valueCounts;
    private readonly int[] _ruleCounts = new int[ruleCount];
    private int _head;

    public string?[] GroupValues { get; } = groupValues;

    /// <summary>First hit's time: where a window judged at close begins.</summary>
    public DateTimeOffset Start { get; set; } = start;

    public DateTimeOffset Latest { get; private set; } = start;

    public int Count => _items.Count - _head;

    public int DistinctValues => _valueCounts?.Count ?? 0;

    public int DistinctRules { get; private set; }

    public double Sum { get; private set; }

    public int NumericCount { get; private set; }

    public ReadOnlySpan<Contribution> Items => CollectionsMarshal.AsSpan(_items)[_head..];

    public IReadOnlyDictionary<string, int> ValueCounts => _valueCounts ?? NoValues;

    public void Add(in Contribution contribution)
    {
        // Input is time-sorted in the common case, so the insertion point is found from the end in O(1).
        var position = _items.Count;
        while (position > _head && _items[position - 1].Time > contribution.Time)
        {
            position--;
        }

        _items.Insert(position, contribution);
        if (contribution.Time > Latest)
        {
            Latest = contribution.Time;
        }

        Account(contribution, +1);
    }

    /// <summary>Drops hits older than <paramref name="cutoff"/> (a hit exactly at the cutoff stays).</summary>
    public void EvictBefore(DateTimeOffset cutoff)
    {
        while (Count > 0 && _items[_head].Time < cutoff)
        {
            RemoveOldest();
        }
    }

    public void RemoveOldest()
    {
        Account(_items[_head], -1);
        _items[_head] = default;
        _head++;
        if (_head > 64 && _head * 2 > _items.Count)
        {
            _items.RemoveRange(0, _head);
            _head = 0;
        }
    }

    private void Account(in Contribution contribution, int delta)
    {
        if (contribution.Value is { } value)
        {
            _valueCounts ??= new Dictionary<string, int>(StringComparer.Ordinal);
            var count = _valueCounts.GetValueOrDefault(value) + delta;
            if (count == 0)
            {
                _valueCounts.Remove(value);
            }
            else
            {
                _valueCounts[value] = count;
            }
        }

        if (!double.IsNaN(contribution.Number))
        {
            NumericCount += delta;
            // Reset rather than subtract down to zero, so floating-point residue cannot outlive the values.
            Sum = NumericCount == 0 ? 0 : Sum + (delta * contribution.Number);
        }

        var rules = _ruleCounts[contribution.RuleIndex] += delta;
        if (rules == (delta > 0 ? 1 : 0))
        {
            DistinctRules += delta;
        }
    }
}
