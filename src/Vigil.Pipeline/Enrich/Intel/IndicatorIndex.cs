using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>
/// Indicators arranged for matching entities at ingest time: hash tables for exact values, a parent walk for
/// domains, and per-length network tables for addresses. Built once, then read concurrently.
/// </summary>
public sealed partial class IndicatorIndex
{
    private readonly TimeProvider _time;
    private readonly PrefixTable _v4 = new(32);
    private readonly PrefixTable _v6 = new(128);
    private readonly Dictionary<string, List<Indicator>> _domains = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Indicator>> _urls = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Indicator>> _hashes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Indicator>> _emails = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Indicator>>.AlternateLookup<ReadOnlySpan<char>> _domainSpans;

    public IndicatorIndex(IEnumerable<Indicator> indicators, TimeProvider time)
    {
        _time = time;
        foreach (var indicator in indicators)
        {
            Add(indicator);
        }

        _domainSpans = _domains.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Indicators held; ones whose value was not canonical were left out (see <see cref="Rejected"/>).</summary>
    public int Count { get; private set; }

    public int Rejected { get; private set; }

    private void Add(Indicator indicator)
    {
        // Importers give canonical values; indicators built by hand are normalised here so they still match.
        var value = IndicatorValues.Normalize(indicator.Type, indicator.Value);
        if (value is null)
        {
            Rejected++;
            return;
        }

        switch (indicator.Type)
        {
            case IndicatorType.Ip or IndicatorType.Cidr:
                IpPrefix.TryParse(value, out var prefix);
                (prefix.IsV6 ? _v6 : _v4).Add(prefix, indicator);
                break;
            case IndicatorType.Domain:
                Append(_domains, value, indicator);
                break;
            case IndicatorType.Url:
                Append(_urls, value, indicator);
                break;
            case IndicatorType.Md5 or IndicatorType.Sha1 or IndicatorType.Sha256:
                Append(_hashes, value, indicator);
                break;
            case IndicatorType.Email:
                Append(_emails, value, indicator);
                break;
        }

        Count++;
    }

    private static void Append(Dictionary<string, List<Indicator>> map, string key, Indicator indicator)
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(indicator);
    }
}
