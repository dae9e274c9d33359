using Microsoft.Extensions.Time.Testing;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Intel;

namespace Vigil.Pipeline.Tests.Enrich.Intel;

public sealed class IndicatorIndexTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static Indicator Make(IndicatorType type, string value, int confidence = 70, string source = "feed", DateTimeOffset? until = null, DateTimeOffset? from = null) =>
        new() { Type = type, Value = value, Confidence = confidence, Source = source, OriginId = value, ValidUntil = until, ValidFrom = from };

    private static IndicatorIndex Index(params Indicator[] indicators) => new(indicators, new FakeTimeProvider(Now));

    private static IReadOnlyList<IndicatorMatch> Match(IndicatorIndex index, EntityType type, string value, bool stale = false) =>
        index.Match(Entity.Create(type, value), stale);

    [Fact]
    public void Match_SubdomainOfIndicator_HitsWithReason()
    {
        var index = Index(Make(IndicatorType.Domain, "evil.example", source: "ACME CERT"));

        var match = Assert.Single(Match(index, EntityType.Domain, "a.b.evil.example"));

        Assert.Equal(MatchRule.Subdomain, match.Rule);
        Assert.Equal("domain a.b.evil.example is a subdomain of indicator evil.example from ACME CERT", match.Reason);
        Assert.Equal(70, match.Confidence);
    }

    [Theory]
    [InlineData("notevil.example")]
    [InlineData("evil.example.org")]
    [InlineData("example")]
    [InlineData("vil.example")]
    public void Match_SharedSuffixWithoutLabelBoundary_DoesNotHit(string domain)
    {
        var index = Index(Make(IndicatorType.Domain, "evil.example"));

        Assert.Empty(Match(index, EntityType.Domain, domain));
    }

    [Fact]
    public void Match_ExactDomainAndHost_HitAsExact()
    {
        var index = Index(Make(IndicatorType.Domain, "evil.example"));

        Assert.Equal(MatchRule.Exact, Assert.Single(Match(index, EntityType.Domain, "EVIL.example.")).Rule);
        Assert.StartsWith("host evil.example equals", Assert.Single(Match(index, EntityType.Host, "evil.example")).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_IpExactAndInsideNetworks_ListsMostSpecificFirst()
    {
        var index = Index(
            Make(IndicatorType.Cidr, "10.0.0.0/8"),
            Make(IndicatorType.Cidr, "10.1.0.0/16"),
            Make(IndicatorType.Ip, "10.1.2.3"),
            Make(IndicatorType.Cidr, "11.0.0.0/8"));

        var matches = Match(index, EntityType.Ip, "10.1.2.3");

        Assert.Equal(["10.1.2.3", "10.1.0.0/16", "10.0.0.0/8"], matches.Select(m => m.Indicator.Value));
        Assert.Equal([MatchRule.Exact, MatchRule.InNetwork, MatchRule.InNetwork], matches.Select(m => m.Rule));
        Assert.Equal("ip 10.1.2.3 is inside indicator 10.1.0.0/16 from feed", matches[1].Reason);
    }

    [Theory]
    [InlineData("192.168.4.0", true)]
    [InlineData("192.168.7.255", true)]
    [InlineData("192.168.3.255", false)]
    [InlineData("192.168.8.0", false)]
    public void Match_V4NetworkBoundaries_AreInclusiveOfFirstAndLastAddress(string address, bool hit)
    {
        var index = Index(Make(IndicatorType.Cidr, "192.168.4.0/22"));

        Assert.Equal(hit, Match(index, EntityType.Ip, address).Count == 1);
    }

    [Theory]
    [InlineData("2001:db8:bad::", true)]
    [InlineData("2001:db8:bad:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:bac:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("2001:db8:bae::", false)]
    public void Match_V6NetworkBoundaries_AreInclusiveOfFirstAndLastAddress(string address, bool hit)
    {
        var index = Index(Make(IndicatorType.Cidr, "2001:db8:bad::/48"));

        Assert.Equal(hit, Match(index, EntityType.Ip, address).Count == 1);
    }

    [Fact]
    public void Match_V4AndV6_DoNotCrossFamilies()
    {
        var index = Index(Make(IndicatorType.Cidr, "0.0.0.0/0"), Make(IndicatorType.Ip, "::a00:1"));

        Assert.Equal("0.0.0.0/0", Assert.Single(Match(index, EntityType.Ip, "10.0.0.1")).Indicator.Value);
        Assert.Equal("::a00:1", Assert.Single(Match(index, EntityType.Ip, "::a00:1")).Indicator.Value);
        Assert.Empty(Match(index, EntityType.Ip, "::a00:2"));
    }

    [Fact]
    public void Match_Url_HitsExactUrlAndItsHostAsDomain()
    {
        var index = Index(
            Make(IndicatorType.Url, "https://login.evil.example/o365/index.php?id=1"),
            Make(IndicatorType.Domain, "evil.example"));

        var matches = Match(index, EntityType.Url, "HTTPS://Login.Evil.Example/o365/index.php?id=1");

        Assert.Equal([MatchRule.Exact, MatchRule.UrlHost], matches.Select(m => m.Rule));
        Assert.Equal("url host login.evil.example is a subdomain of indicator evil.example from feed", matches[1].Reason);
        Assert.DoesNotContain(Match(index, EntityType.Url, "https://login.evil.example/o365/index.php?id=2"), m => m.Rule == MatchRule.Exact);
    }

    [Fact]
    public void Match_UrlWithAddressHost_ChecksTheAddressIndicators()
    {
        var index = Index(Make(IndicatorType.Cidr, "198.51.100.0/24"), Make(IndicatorType.Ip, "2001:db8::5"));

        Assert.Equal(MatchRule.UrlHost, Assert.Single(Match(index, EntityType.Url, "http://198.51.100.9:8080/x")).Rule);
        Assert.Single(Match(index, EntityType.Url, "http://[2001:db8::5]/x"));
    }

    [Fact]
    public void Match_Email_HitsAddressAndItsDomain()
    {
        var index = Index(Make(IndicatorType.Email, "billing@evil.example"), Make(IndicatorType.Domain, "evil.example"));

        var matches = Match(index, EntityType.Email, "Billing@Evil.Example");

        Assert.Equal([MatchRule.Exact, MatchRule.EmailDomain], matches.Select(m => m.Rule));
        Assert.Equal(MatchRule.EmailDomain, Assert.Single(Match(index, EntityType.Email, "other@mail.evil.example")).Rule);
        Assert.Empty(Match(index, EntityType.Email, "billing@notevil.example"));
    }

    [Fact]
    public void Match_Hashes_AreCaseInsensitiveAndTypeSpecific()
    {
        var index = Index(Make(IndicatorType.Md5, "44D88612FEA8A8F36DE82E1278ABB02F"));

        Assert.Single(Match(index, EntityType.FileHash, "44d88612fea8a8f36de82e1278abb02f"));
        Assert.Empty(Match(index, EntityType.FileHash, "3395856ce81f2b7382dee72602f798b642f14140"));
    }

    [Fact]
    public void Match_ExpiredIndicator_IsLeftOutUnlessStaleAskedFor()
    {
        var index = Index(Make(IndicatorType.Domain, "old.example", until: Now.AddDays(-1)));

        Assert.Empty(Match(index, EntityType.Domain, "old.example"));
        var stale = Assert.Single(Match(index, EntityType.Domain, "old.example", stale: true));
        Assert.True(stale.IsStale);
        Assert.Contains("stale since 2026-11-22", stale.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_NotYetValidIndicator_NeverMatches()
    {
        var index = Index(Make(IndicatorType.Domain, "future.example", from: Now.AddHours(1)));

        Assert.Empty(Match(index, EntityType.Domain, "future.example", stale: true));
    }

    [Fact]
    public void Match_CompoundPart_IsPartialAndSaysSo()
    {
        var part = Make(IndicatorType.Ip, "192.0.2.66") with { CompoundKey = "indicator--5#0", CompoundSize = 2, OriginId = "indicator--5" };
        var index = Index(part);

        var match = Assert.Single(Match(index, EntityType.Ip, "192.0.2.66"));

        Assert.True(match.IsPartial);
        Assert.Contains("one of 2 AND-ed parts of indicator--5", match.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructor_NonCanonicalValues_AreNormalisedOrRejected()
    {
        var index = Index(Make(IndicatorType.Domain, "Evil[.]Example"), Make(IndicatorType.Ip, "not an ip"), Make(IndicatorType.Cidr, "10.9.9.9/8"));

        Assert.Equal(2, index.Count);
        Assert.Equal(1, index.Rejected);
        Assert.Single(Match(index, EntityType.Domain, "evil.example"));
        Assert.Single(Match(index, EntityType.Ip, "10.200.0.1"));
    }

    [Fact]
    public void Match_EntityTypesWithoutIndicators_ReturnNothing()
    {
        var index = Index(Make(IndicatorType.Domain, "evil.example"));

        Assert.Empty(Match(index, EntityType.User, "evil.example"));
        Assert.Empty(Match(index, EntityType.Process, "evil.example"));
    }
}
