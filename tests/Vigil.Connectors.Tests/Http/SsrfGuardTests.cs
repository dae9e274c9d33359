using System.Net;
using Vigil.Connectors.Http;

namespace Vigil.Connectors.Tests.Http;

public sealed class SsrfGuardTests
{
    [Theory]
    [InlineData("93.184.215.14", AddressClass.Public)]
    [InlineData("2606:4700::6810:84e5", AddressClass.Public)]
    [InlineData("127.0.0.1", AddressClass.Loopback)]
    [InlineData("127.8.9.10", AddressClass.Loopback)]
    [InlineData("::1", AddressClass.Loopback)]
    [InlineData("::ffff:127.0.0.1", AddressClass.Loopback)]
    [InlineData("10.1.2.3", AddressClass.Private)]
    [InlineData("172.16.0.1", AddressClass.Private)]
    [InlineData("172.31.255.255", AddressClass.Private)]
    [InlineData("172.32.0.1", AddressClass.Public)]
    [InlineData("192.168.1.1", AddressClass.Private)]
    [InlineData("100.64.0.1", AddressClass.Private)]
    [InlineData("fd12:3456::1", AddressClass.Private)]
    [InlineData("169.254.10.10", AddressClass.LinkLocal)]
    [InlineData("fe80::1", AddressClass.LinkLocal)]
    [InlineData("169.254.169.254", AddressClass.Metadata)]
    [InlineData("::ffff:169.254.169.254", AddressClass.Metadata)]
    [InlineData("fd00:ec2::254", AddressClass.Metadata)]
    [InlineData("100.100.100.200", AddressClass.Metadata)]
    [InlineData("0.0.0.0", AddressClass.Unroutable)]
    [InlineData("::", AddressClass.Unroutable)]
    [InlineData("224.0.0.1", AddressClass.Unroutable)]
    [InlineData("255.255.255.255", AddressClass.Unroutable)]
    [InlineData("64:ff9b::a9fe:a9fe", AddressClass.Metadata)]
    [InlineData("64:ff9b::7f00:1", AddressClass.Loopback)]
    [InlineData("2002:c0a8:0101::1", AddressClass.Private)]
    public void Classify_KnownRanges_ReturnsTheirClass(string address, AddressClass expected) =>
        Assert.Equal(expected, SsrfGuard.Classify(IPAddress.Parse(address)));

    [Fact]
    public void Allows_OnlyWhatTheConnectorOptsInto_NeverMetadata()
    {
        var strict = new ConnectorOptions { Name = "x" };
        var open = new ConnectorOptions { Name = "x", AllowLoopback = true, AllowPrivateNetwork = true };

        Assert.True(SsrfGuard.Allows(strict, IPAddress.Parse("93.184.215.14")));
        Assert.False(SsrfGuard.Allows(strict, IPAddress.Loopback));
        Assert.False(SsrfGuard.Allows(strict, IPAddress.Parse("10.0.0.1")));
        Assert.True(SsrfGuard.Allows(open, IPAddress.Loopback));
        Assert.True(SsrfGuard.Allows(open, IPAddress.Parse("10.0.0.1")));
        Assert.False(SsrfGuard.Allows(open, IPAddress.Parse("169.254.169.254")));
        Assert.False(SsrfGuard.Allows(open, IPAddress.Parse("fe80::1")));
    }
}
