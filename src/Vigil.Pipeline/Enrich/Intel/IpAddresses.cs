using System.Net;
using System.Net.Sockets;

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>Address parsing that refuses the shorthand forms IPAddress.TryParse accepts ("1" is 0.0.0.1 there).</summary>
public static class IpAddresses
{
    public static bool TryParseStrict(ReadOnlySpan<char> text, out IPAddress address)
    {
        address = IPAddress.None;
        text = text.Trim().Trim("[]");
        if (text.IsEmpty || !IPAddress.TryParse(text, out var parsed))
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetwork && text.Count('.') != 3)
        {
            return false;
        }

        if (parsed.AddressFamily == AddressFamily.InterNetworkV6)
        {
            parsed.ScopeId = 0;
        }

        address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
        return true;
    }
}
