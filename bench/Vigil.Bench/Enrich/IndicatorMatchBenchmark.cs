using System.Globalization;
using BenchmarkDotNet.Attributes;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Intel;

namespace Vigil.Bench.Enrich;

/// <summary>
/// Matching one entity against an index of one million indicators, as enrichment does for every entity at ingest:
/// 400k IPv4 addresses, 100k IPv4 networks (/18 to /30), 50k IPv6 networks (/32 to /64), 300k domains,
/// 100k SHA-256 hashes and 50k URLs, generated from a fixed seed. Misses are the common case in production.
/// Run: dotnet run -c Release --project bench/Vigil.Bench -- --filter '*IndicatorMatch*'
/// </summary>
[MemoryDiagnoser]
public class IndicatorMatchBenchmark
{
    private IndicatorIndex _index = null!;
    private Entity _ipHit = null!;
    private Entity _ipMiss = null!;
    private Entity _ipv6InNetwork = null!;
    private Entity _subdomainHit = null!;
    private Entity _domainMiss = null!;
    private Entity _urlHostHit = null!;
    private Entity _hashMiss = null!;

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(20261123);
        var indicators = new List<Indicator>(1_000_000);
        void Add(IndicatorType type, string value) =>
            indicators.Add(new Indicator { Type = type, Value = value, Confidence = 60, Source = "bench", OriginId = value });

        string V4(uint bits) => string.Create(CultureInfo.InvariantCulture, $"{bits >> 24}.{(bits >> 16) & 255}.{(bits >> 8) & 255}.{bits & 255}");
        string Label() => string.Concat(Enumerable.Range(0, random.Next(5, 12)).Select(_ => (char)('a' + random.Next(26))));

        for (var i = 0; i < 400_000; i++)
        {
            Add(IndicatorType.Ip, V4((uint)random.NextInt64(0x0100_0000, 0xDF00_0000)));
        }

        for (var i = 0; i < 100_000; i++)
        {
            Add(IndicatorType.Cidr, $"{V4((uint)random.NextInt64(0x0100_0000, 0xDF00_0000))}/{random.Next(18, 31)}");
        }

        for (var i = 0; i < 50_000; i++)
        {
            Add(IndicatorType.Cidr, string.Create(CultureInfo.InvariantCulture, $"2001:{random.Next(0x4000, 0xffff):x}:{random.Next(0xffff):x}:{random.Next(0xffff):x}::/{random.Next(32, 65)}"));
        }

        for (var i = 0; i < 300_000; i++)
        {
            Add(IndicatorType.Domain, $"{Label()}.{Label()}.example");
        }

        for (var i = 0; i < 100_000; i++)
        {
            Add(IndicatorType.Sha256, Convert.ToHexStringLower(random.GetItems<byte>(Enumerable.Range(0, 256).Select(b => (byte)b).ToArray(), 32)));
        }

        for (var i = 0; i < 50_000; i++)
        {
            Add(IndicatorType.Url, $"https://{Label()}.example/{Label()}/{Label()}.php");
        }

        _index = new IndicatorIndex(indicators, TimeProvider.System);
        _ipHit = Entity.Create(EntityType.Ip, indicators[1234].Value);
        // With 100k random networks a fixed address may well fall inside one; step until a true miss.
        _ipMiss = Entity.Create(EntityType.Ip, "10.20.30.40");
        for (var bits = 0x0A14_1E28u; _index.Match(_ipMiss).Count > 0; bits += 0x0001_0101u)
        {
            _ipMiss = Entity.Create(EntityType.Ip, V4(bits));
        }

        _ipv6InNetwork = Entity.Create(EntityType.Ip, indicators[505_000].Value.Replace("::/", "::1/", StringComparison.Ordinal).Split('/')[0]);
        _subdomainHit = Entity.Create(EntityType.Domain, "deep.sub." + indicators[600_000].Value);
        _domainMiss = Entity.Create(EntityType.Domain, "login.microsoftonline.com");
        _urlHostHit = Entity.Create(EntityType.Url, $"https://cdn.{indicators[700_000].Value}/payload.bin");
        _hashMiss = Entity.Create(EntityType.FileHash, new string('a', 64));
    }

    [Benchmark]
    public int IpExactHit() => _index.Match(_ipHit).Count;

    [Benchmark]
    public int IpMiss() => _index.Match(_ipMiss).Count;

    [Benchmark]
    public int Ipv6InsideNetwork() => _index.Match(_ipv6InNetwork).Count;

    [Benchmark]
    public int SubdomainHit() => _index.Match(_subdomainHit).Count;

    [Benchmark]
    public int DomainMiss() => _index.Match(_domainMiss).Count;

    [Benchmark]
    public int UrlHostHit() => _index.Match(_urlHostHit).Count;

    [Benchmark]
    public int HashMiss() => _index.Match(_hashMiss).Count;
}
