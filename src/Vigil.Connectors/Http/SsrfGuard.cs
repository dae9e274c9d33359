using System.Net;
using System.Net.Sockets;

namespace Vigil.Connectors.Http;

/// <summary>
/// Decides whether a connector may open a connection to an address. The check runs on the address actually dialled
/// (after DNS resolution, in <see cref="GuardedConnector"/>), so a public name resolving to 127.0.0.1, or a DNS answer
/// that changes between check and connect, cannot steer a connector into the internal network.
/// </summary>
public static class SsrfGuard
{
    private static readonly IPAddress AwsMetadataV4 = IPAddress.Parse("169.254.169.254");
    private static readonly IPAddress AwsMetadataV6 = IPAddress.Parse("fd00:ec2::254");
    private static readonly IPAddress AlibabaMetadata = IPAddress.Parse("100.100.100.200");

    public static AddressClass Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.Equals(AwsMetadataV4) || address.Equals(AwsMetadataV6) || address.Equals(AlibabaMetadata))
        {
            return AddressClass.Metadata;
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => ClassifyV4(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => ClassifyV6(address),
            _ => AddressClass.Unroutable,
        };
    }

    /// <summary>True when <paramref name="options"/> lets its connector reach <paramref name="address"/>.</summary>
    public static bool Allows(ConnectorOptions options, IPAddress address) => Classify(address) switch
    {
        AddressClass.Public => true,
        AddressClass.Loopback => options.AllowLoopback,
        AddressClass.Private => options.AllowPrivateNetwork,
        AddressClass.LinkLocal or AddressClass.Metadata or AddressClass.Unroutable => false,
        _ => false,
    };

    private static AddressClass ClassifyV4(byte[] b) => (b[0], b[1]) switch
    {
        (127, _) => AddressClass.Loopback,
        (10, _) => AddressClass.Private,
        (172, >= 16 and <= 31) => AddressClass.Private,
        (192, 168) => AddressClass.Private,
        (100, >= 64 and <= 127) => AddressClass.Private, // RFC 6598 shared address space (CGNAT)
        (169, 254) => AddressClass.LinkLocal,
        (0, _) => AddressClass.Unroutable,
        (192, 0) when b[2] == 0 => AddressClass.Unroutable, // RFC 6890 IETF protocol assignments
        (198, 18 or 19) => AddressClass.Unroutable, // RFC 2544 benchmarking
        ( >= 224, _) => AddressClass.Unroutable, // multicast, reserved, broadcast
        _ => AddressClass.Public,
    };

    private static AddressClass ClassifyV6(IPAddress address)
    {
        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressClass.Loopback;
        }

        if (address.Equals(IPAddress.IPv6Any) || address.IsIPv6Multicast)
        {
            return AddressClass.Unroutable;
        }

        if (address.IsIPv6LinkLocal || address.IsIPv6SiteLocal)
        {
            return AddressClass.LinkLocal;
        }

        var bytes = address.GetAddressBytes();
        if ((bytes[0] & 0xFE) == 0xFC)
        {
            return AddressClass.Private; // fc00::/7 unique local
        }

        // 64:ff9b::/96 (NAT64) and 2002::/16 (6to4) embed an IPv4 address: judge the embedded one.
        if (bytes[0] == 0x00 && bytes[1] == 0x64 && bytes[2] == 0xFF && bytes[3] == 0x9B)
        {
            return Classify(new IPAddress(bytes.AsSpan(12, 4)));
        }

        if (bytes[0] == 0x20 && bytes[1] == 0x02)
        {
            return Classify(new IPAddress(bytes.AsSpan(2, 4)));
        }

        return AddressClass.Public;
    }
}
