using System.Net;
using Vigil.Pipeline.Enrich.Intel;

namespace Vigil.Pipeline.Enrich.Ranges;

/// <summary>
/// Classifies addresses against the IANA IPv4 and IPv6 Special-Purpose Address Registries, plus the multicast blocks
/// (224.0.0.0/4, ff00::/8) and IPv4 class E, which live in other registries. The most specific block wins, so
/// 192.0.0.9 is the PCP anycast address (globally reachable) although 192.0.0.0/24 is not.
/// </summary>
public static partial class AddressClassifier
{
    private static readonly AddressRange[] Ranges = [.. V4().Concat(V6()).OrderByDescending(r => r.Prefix.Length)];

    /// <summary>Every block the classifier knows, most specific first.</summary>
    public static IReadOnlyList<AddressRange> KnownRanges => Ranges;

    public static AddressClassification Classify(IPAddress address)
    {
        var (isV6, bits) = IpPrefix.ToBits(address);
        // Ranges are few (about fifty) and ordered by length, so the first hit is the most specific one.
        foreach (var range in Ranges)
        {
            if (range.Prefix.Contains(isV6, bits))
            {
                return new AddressClassification(address, range.Category, range);
            }
        }

        return new AddressClassification(address, AddressCategory.Public, null);
    }

    public static bool TryClassify(string text, out AddressClassification classification)
    {
        classification = null!;
        if (!IpAddresses.TryParseStrict(text, out var address))
        {
            return false;
        }

        classification = Classify(address);
        return true;
    }

    private static AddressRange Range(string cidr, string name, string rfc, AddressCategory category, bool global = false)
    {
        IpPrefix.TryParse(cidr, out var prefix);
        return new AddressRange(prefix, name, rfc, category, global);
    }
}
