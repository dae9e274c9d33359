namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>
/// Longest-prefix lookup by one hash table per prefix length ("binary search on prefix lengths" without the
/// search): a query masks the address once per length that occurs and probes that table, so its cost is bounded by
/// the number of distinct lengths (at most 33 or 129), never by the number of networks. Feeds use a handful of
/// lengths, and a million networks cost a million table entries, where a bit trie would need tens of millions of nodes.
/// </summary>
internal sealed class PrefixTable(int width)
{
    private readonly Dictionary<UInt128, List<Indicator>>?[] _byLength = new Dictionary<UInt128, List<Indicator>>?[width + 1];
    private int[] _lengths = [];

    public void Add(IpPrefix prefix, Indicator indicator)
    {
        var table = _byLength[prefix.Length];
        if (table is null)
        {
            table = _byLength[prefix.Length] = [];
            // Longest first, so matches come out most specific first.
            _lengths = [.. _lengths.Append(prefix.Length).OrderDescending()];
        }

        if (!table.TryGetValue(prefix.Network, out var list))
        {
            table[prefix.Network] = list = [];
        }

        list.Add(indicator);
    }

    /// <summary>
    /// Steps through the networks holding the address, longest prefix first: start with cursor 0 and call until it
    /// returns false. A cursor instead of a callback or iterator keeps the no-match path free of allocations.
    /// </summary>
    public bool TryFindNext(UInt128 address, ref int cursor, out List<Indicator> indicators, out int length)
    {
        while (cursor < _lengths.Length)
        {
            length = _lengths[cursor++];
            if (_byLength[length]!.TryGetValue(address & IpPrefix.Mask(length, width), out indicators!))
            {
                return true;
            }
        }

        indicators = null!;
        length = 0;
        return false;
    }
}
