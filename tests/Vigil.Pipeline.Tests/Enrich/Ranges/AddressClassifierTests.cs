using System.Net;
using Vigil.Pipeline.Enrich.Ranges;

namespace Vigil.Pipeline.Tests.Enrich.Ranges;

public sealed class AddressClassifierTests
{
    [Theory]
    [InlineData("10.1.2.3", AddressCategory.Private, false)]
    [InlineData("172.16.0.1", AddressCategory.Private, false)]
    [InlineData("172.31.255.255", AddressCategory.Private, false)]
    [InlineData("172.32.0.1", AddressCategory.Public, true)]
    [InlineData("192.168.1.1", AddressCategory.Private, false)]
    [InlineData("127.0.0.1", AddressCategory.Loopback, false)]
    [InlineData("169.254.169.254", AddressCategory.LinkLocal, false)]
    [InlineData("100.64.0.1", AddressCategory.SharedAddressSpace, false)]
    [InlineData("100.127.255.255", AddressCategory.SharedAddressSpace, false)]
    [InlineData("100.128.0.1", AddressCategory.Public, true)]
    [InlineData("224.0.0.251", AddressCategory.Multicast, false)]
    [InlineData("192.0.2.1", AddressCategory.Documentation, false)]
    [InlineData("198.51.100.1", AddressCategory.Documentation, false)]
    [InlineData("203.0.113.1", AddressCategory.Documentation, false)]
    [InlineData("198.18.0.1", AddressCategory.Benchmarking, false)]
    [InlineData("0.0.0.0", AddressCategory.Unspecified, false)]
    [InlineData("255.255.255.255", AddressCategory.Broadcast, false)]
    [InlineData("240.0.0.1", AddressCategory.Reserved, false)]
    [InlineData("192.0.0.9", AddressCategory.ProtocolAssignment, true)]
    [InlineData("192.0.0.1", AddressCategory.ProtocolAssignment, false)]
    [InlineData("8.8.8.8", AddressCategory.Public, true)]
    [InlineData("::1", AddressCategory.Loopback, false)]
    [InlineData("::", AddressCategory.Unspecified, false)]
    [InlineData("fd12:3456::1", AddressCategory.UniqueLocal, false)]
    [InlineData("fc00::1", AddressCategory.UniqueLocal, false)]
    [InlineData("fe80::1", AddressCategory.LinkLocal, false)]
    [InlineData("febf::1", AddressCategory.LinkLocal, false)]
    [InlineData("fec0::1", AddressCategory.Public, true)]
    [InlineData("ff02::1", AddressCategory.Multicast, false)]
    [InlineData("2001:db8::1", AddressCategory.Documentation, false)]
    [InlineData("3fff::1", AddressCategory.Documentation, false)]
    [InlineData("64:ff9b::808:808", AddressCategory.Translation, true)]
    [InlineData("2001:0:4136:e378::1", AddressCategory.Translation, false)]
    [InlineData("100::1", AddressCategory.Discard, false)]
    [InlineData("2001:4860:4860::8888", AddressCategory.Public, true)]
    [InlineData("::ffff:10.0.0.1", AddressCategory.Private, false)]
    public void Classify_KnownAddress_GivesRegistryCategory(string address, AddressCategory category, bool global)
    {
        var result = AddressClassifier.Classify(IPAddress.Parse(address));

        Assert.Equal(category, result.Category);
        Assert.Equal(global, result.IsGloballyReachable);
    }

    [Fact]
    public void Classify_PrivateAddress_LabelsBlockAndRfc()
    {
        Assert.Equal("Private-Use (RFC 1918)", AddressClassifier.Classify(IPAddress.Parse("10.0.0.1")).Label);
        Assert.Equal("public", AddressClassifier.Classify(IPAddress.Parse("1.1.1.1")).Label);
    }

    [Fact]
    public void KnownRanges_AreOrderedMostSpecificFirst()
    {
        var lengths = AddressClassifier.KnownRanges.Select(r => r.Prefix.Length).ToList();

        Assert.Equal(lengths.OrderDescending(), lengths);
        Assert.All(AddressClassifier.KnownRanges, r => Assert.StartsWith("RFC ", r.Rfc, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("not-an-ip")]
    [InlineData("10.1")]
    public void TryClassify_NotAnAddress_ReturnsFalse(string text)
    {
        Assert.False(AddressClassifier.TryClassify(text, out _));
    }
}
