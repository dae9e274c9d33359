using System.Buffers.Binary;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>
/// An IPv4 or IPv6 network as a number and a prefix length. IPv4 lives in the low 32 bits so both families share
/// one representation; <see cref="IsV6"/> keeps them apart (::a.b.c.d is not a.b.c.d).
/// </summary>
public readonly record struct IpPrefix(bool IsV6, UInt128 Network, int Length)
{
    public int Width => IsV6 ? 128 : 32;

    public static bool TryParse(string? text, out IpPrefix prefix)
    {
        prefix = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var slash = text.IndexOf('/', StringComparison.Ordinal);
        var addressText = slash < 0 ? text.Trim() : text[..slash].Trim();
        if (!IpAddresses.TryParseStrict(addressText, out var address))
        {
            return false;
        }

        var (isV6, bits) = ToBits(address);
        var width = isV6 ? 128 : 32;
        var length = width;
        if (slash >= 0 && (!int.TryParse(text.AsSpan(slash + 1).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out length) || length > width))
        {
            return false;
        }

        // Host bits are cleared: feeds write 10.1.2.3/8 and mean 10.0.0.0/8.
        prefix = new IpPrefix(isV6, bits & Mask(length, width), length);
        return true;
    }

    public static (bool IsV6, UInt128 Bits) ToBits(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var written);
        return address.AddressFamily == AddressFamily.InterNetworkV6
            ? (true, BinaryPrimitives.ReadUInt128BigEndian(bytes))
            : (false, BinaryPrimitives.ReadUInt32BigEndian(bytes[..written]));
    }

    public static UInt128 Mask(int length, int width) =>
        length == 0 ? UInt128.Zero : (UInt128.MaxValue << (128 - length)) >> (128 - width);

    public bool Contains(bool isV6, UInt128 bits) => isV6 == IsV6 && (bits & Mask(Length, Width)) == Network;

    public IPAddress NetworkAddress
    {
        get
        {
            Span<byte> bytes = stackalloc byte[16];
            if (IsV6)
            {
                BinaryPrimitives.WriteUInt128BigEndian(bytes, Network);
                return new IPAddress(bytes);
            }

            BinaryPrimitives.WriteUInt32BigEndian(bytes, (uint)Network);
            return new IPAddress(bytes[..4]);
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{NetworkAddress}/{Length}");
}
