using System.Net;
using System.Net.Sockets;

namespace Vigil.Detection.Matching;

/// <summary><c>|cidr</c>: the field is an IPv4 or IPv6 address inside the network.</summary>
internal sealed class CidrValueMatcher : ValueMatcher
{
    private readonly byte[] _network;
    private readonly int _prefix;
    private readonly AddressFamily _family;

    private CidrValueMatcher(byte[] network, int prefix, AddressFamily family)
    {
        _network = network;
        _prefix = prefix;
        _family = family;
    }

    public static CidrValueMatcher? TryCreate(string cidr)
    {
        var slash = cidr.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? cidr : cidr[..slash];
        if (!IPAddress.TryParse(addressText, out var address))
        {
            return null;
        }

        var bytes = address.GetAddressBytes();
        var prefix = bytes.Length * 8;
        if (slash >= 0 && (!int.TryParse(cidr.AsSpan(slash + 1), out prefix) || prefix < 0 || prefix > bytes.Length * 8))
        {
            return null;
        }

        return new CidrValueMatcher(bytes, prefix, address.AddressFamily);
    }

    public override bool Matches(ReadOnlySpan<char> value)
    {
        if (!IPAddress.TryParse(value, out var address))
        {
            return false;
        }

        if (address.IsIPv4MappedToIPv6 && _family == AddressFamily.InterNetwork)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != _family)
        {
            return false;
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        var full = _prefix / 8;
        if (!bytes[..full].SequenceEqual(_network.AsSpan(0, full)))
        {
            return false;
        }

        var rest = _prefix % 8;
        if (rest == 0 || full >= written)
        {
            return true;
        }

        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[full] & mask) == (_network[full] & mask);
    }

    public override int Cost => 8;
}
