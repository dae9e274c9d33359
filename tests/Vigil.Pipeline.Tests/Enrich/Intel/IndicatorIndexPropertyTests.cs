using System.Net;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Intel;

namespace Vigil.Pipeline.Tests.Enrich.Intel;

public sealed class IndicatorIndexPropertyTests
{
    private static readonly FakeTimeProvider Clock = new(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));

    // Addresses drawn from a small neighbourhood so that random prefixes actually contain random addresses.
    private static readonly Gen<uint> V4 = Gen.Select(Gen.UInt[0, 3], Gen.UInt[0, 3], Gen.UInt[0, 255]).Select((a, b, c) => 0x0A00_0000u | (a << 16) | (b << 8) | c);

    private static readonly Gen<UInt128> V6 = Gen.Select(Gen.UInt[0, 3], Gen.ULong).Select((high, low) => ((UInt128)(0x2001_0db8u + high) << 96) | low);

    private static Indicator Network(string cidr) =>
        new() { Type = IndicatorType.Cidr, Value = cidr, Confidence = 50, Source = "p", OriginId = cidr };

    private static IPAddress ToAddress(UInt128 bits, bool v6)
    {
        var bytes = new byte[16];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt128BigEndian(bytes, bits);
        return new IPAddress(v6 ? bytes : bytes[12..]);
    }

    [Fact]
    public void Match_V4Networks_AgreeWithBruteForceScan()
    {
        Gen.Select(Gen.Select(V4, Gen.Int[0, 32]).Array[1, 40], V4.Array[1, 20]).Sample((prefixes, addresses) =>
        {
            var networks = prefixes.Select(p => new IpPrefix(false, p.Item1 & IpPrefix.Mask(p.Item2, 32), p.Item2)).Distinct().ToList();
            var index = new IndicatorIndex(networks.Select(n => Network(n.ToString())), Clock);
            foreach (var address in addresses)
            {
                var expected = networks.Where(n => n.Contains(false, address)).Select(n => n.ToString()).Order().ToList();
                var actual = index.Match(Entity.Create(EntityType.Ip, ToAddress(address, false).ToString())).Select(m => m.Indicator.Value).Order().ToList();
                Assert.Equal(expected, actual);
            }
        });
    }

    [Fact]
    public void Match_V6Networks_AgreeWithBruteForceScan()
    {
        Gen.Select(Gen.Select(V6, Gen.Int[0, 128]).Array[1, 40], V6.Array[1, 20]).Sample((prefixes, addresses) =>
        {
            var networks = prefixes.Select(p => new IpPrefix(true, p.Item1 & IpPrefix.Mask(p.Item2, 128), p.Item2)).Distinct().ToList();
            var index = new IndicatorIndex(networks.Select(n => Network(n.ToString())), Clock);
            foreach (var address in addresses)
            {
                var expected = networks.Where(n => n.Contains(true, address)).Select(n => n.ToString()).Order().ToList();
                var actual = index.Match(Entity.Create(EntityType.Ip, ToAddress(address, true).ToString())).Select(m => m.Indicator.Value).Order().ToList();
                Assert.Equal(expected, actual);
            }
        });
    }

    [Fact]
    public void Match_DomainParents_AgreeWithLabelBoundarySuffixCheck()
    {
        // Labels from a tiny alphabet, so that shared suffixes without a label boundary ("b.a" vs "ab.a") are common.
        var label = Gen.String[Gen.Char["ab"], 1, 3];
        var domain = label.Array[1, 4].Select(labels => string.Join('.', labels));
        Gen.Select(domain.Array[1, 15], domain.Array[1, 15]).Sample((indicators, queries) =>
        {
            var index = new IndicatorIndex(
                indicators.Distinct().Select(d => new Indicator { Type = IndicatorType.Domain, Value = d, Confidence = 1, Source = "p", OriginId = d }),
                Clock);
            foreach (var query in queries)
            {
                var expected = indicators.Distinct()
                    .Where(d => query == d || query.EndsWith("." + d, StringComparison.Ordinal))
                    .Order(StringComparer.Ordinal).ToList();
                var actual = index.Match(Entity.Create(EntityType.Domain, query)).Select(m => m.Indicator.Value).Order(StringComparer.Ordinal).ToList();
                Assert.Equal(expected, actual);
            }
        });
    }

    [Fact]
    public void IpPrefix_ToStringThenParse_RoundTrips()
    {
        Gen.Select(V6, Gen.Int[0, 128], Gen.Bool).Sample((bits, length, v6) =>
        {
            var width = v6 ? 128 : 32;
            var prefix = new IpPrefix(v6, bits & IpPrefix.Mask(Math.Min(length, width), width), Math.Min(length, width));

            Assert.True(IpPrefix.TryParse(prefix.ToString(), out var parsed));
            Assert.Equal(prefix, parsed);
        });
    }
}
