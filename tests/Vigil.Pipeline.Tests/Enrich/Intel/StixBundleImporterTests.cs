using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Intel.Stix;
using Vigil.Pipeline.Tests.Enrich.Fixtures;

namespace Vigil.Pipeline.Tests.Enrich.Intel;

public sealed class StixBundleImporterTests
{
    private static readonly IndicatorImport Result = StixBundleImporter.Import(StixFixtures.Bundle, "acme-taxii");

    private static Indicator Only(string value) => Assert.Single(Result.Indicators, i => i.Value == value);

    [Fact]
    public void Import_Bundle_AccountsForEveryIndicatorAndObservedData()
    {
        Assert.Equal(11, Result.Report.Read);
        Assert.Equal(12, Result.Report.Imported);
        Assert.Equal(5, Result.Report.Skipped.Count);
        Assert.Equal(2, Result.Report.ByType[IndicatorType.Cidr]);
        Assert.Equal(3, Result.Report.ByType[IndicatorType.Ip]);
        Assert.Equal(3, Result.Report.ByType[IndicatorType.Domain]);
    }

    [Fact]
    public void Import_Indicator_ResolvesIdentityNameAndKeepsValidity()
    {
        var indicator = Only("198.51.100.23");

        Assert.Equal(IndicatorType.Ip, indicator.Type);
        Assert.Equal("ACME CERT", indicator.Source);
        Assert.Equal(85, indicator.Confidence);
        Assert.Equal("indicator--8e2e2d2b-17d4-4cbf-938f-98ee46b3cd3f", indicator.OriginId);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 9, 0, 0, TimeSpan.Zero), indicator.ValidFrom);
        Assert.Equal(new DateTimeOffset(2027, 10, 1, 9, 0, 0, TimeSpan.Zero), indicator.ValidUntil);
        Assert.Equal(["c2", "malicious-activity"], indicator.Labels);
        Assert.Equal("Cobalt Strike team server", indicator.Description);
        Assert.False(indicator.IsCompoundPart);
    }

    [Fact]
    public void Import_IssubsetObservationsJoinedByOr_GiveOneNetworkEach()
    {
        Assert.Equal(IndicatorType.Cidr, Only("203.0.113.0/24").Type);
        Assert.Equal(IndicatorType.Cidr, Only("2001:db8:bad::/48").Type);
    }

    [Fact]
    public void Import_OrInsideObservation_GivesDomainUrlAndEmail()
    {
        Assert.Equal(IndicatorType.Domain, Only("evil.example").Type);
        Assert.Equal(IndicatorType.Url, Only("https://login.evil.example/o365/index.php?id=1").Type);
        Assert.Equal(IndicatorType.Email, Only("billing@evil.example").Type);
        Assert.Equal(50, Only("evil.example").Confidence);
    }

    [Fact]
    public void Import_HashesWithoutCreator_AreLowerCasedAndSourcedToTheFeed()
    {
        var sha256 = Only("aec070645fe53ee3b3763059376134f058cc337247c978add178b6ccdfb0019f");

        Assert.Equal(IndicatorType.Sha256, sha256.Type);
        Assert.Equal("acme-taxii", sha256.Source);
        Assert.Equal(IndicatorType.Md5, Only("44d88612fea8a8f36de82e1278abb02f").Type);
    }

    [Fact]
    public void Import_AndedComparisons_AreCompoundPartsSharingAKey()
    {
        var address = Only("192.0.2.66");
        var domain = Only("beacon.example");

        Assert.True(address.IsCompoundPart);
        Assert.Equal(address.CompoundKey, domain.CompoundKey);
        Assert.Equal(2, address.CompoundSize);
    }

    [Theory]
    [InlineData("indicator--1a2b3c4d-0000-4000-8000-000000000006", "process:name is not an observable")]
    [InlineData("indicator--1a2b3c4d-0000-4000-8000-000000000007", "revoked")]
    [InlineData("indicator--1a2b3c4d-0000-4000-8000-000000000008", "FOLLOWEDBY")]
    [InlineData("indicator--1a2b3c4d-0000-4000-8000-000000000009", "pattern_type 'yara'")]
    [InlineData("indicator--1a2b3c4d-0000-4000-8000-000000000010", "syntax error")]
    public void Import_UnusableIndicator_IsReportedWithIdAndReason(string id, string reason)
    {
        var skip = Assert.Single(Result.Report.Skipped, s => s.Location == id);

        Assert.Contains(reason, skip.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain(Result.Indicators, i => i.OriginId == id);
    }

    [Fact]
    public void Import_ObservedData_TurnsReferencedObservablesIntoIndicators()
    {
        var domain = Only("drop.example");

        Assert.Equal("domain-name--ecb120bf-2694-4902-a737-62b74539a41b", domain.OriginId);
        Assert.Equal("ACME CERT", domain.Source);
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 19, 58, 16, TimeSpan.Zero), domain.FirstSeen);
        Assert.Equal(IndicatorType.Ip, Only("198.51.100.77").Type);
    }

    [Fact]
    public void Import_PartlyUnsupportedOr_KeepsTheSupportedAlternative()
    {
        const string bundle = """
            {"type": "bundle", "objects": [{"type": "indicator", "id": "indicator--x",
              "pattern": "[process:name = 'x.exe'] OR [domain-name:value = 'ok.example']", "pattern_type": "stix"}]}
            """;

        var result = StixBundleImporter.Import(bundle, "t");

        Assert.Equal("ok.example", Assert.Single(result.Indicators).Value);
        Assert.Contains("alternative 1 of 2", Assert.Single(result.Report.Skipped).Location, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("not json at all")]
    [InlineData("{\"type\": \"bundle\"}")]
    [InlineData("[1, 2, 3]")]
    public void Import_Garbage_ReportsInsteadOfThrowing(string text)
    {
        var result = StixBundleImporter.Import(text, "t");

        Assert.Empty(result.Indicators);
        Assert.Single(result.Report.Skipped);
    }

    [Fact]
    public void Import_NegatedAndLikeComparisons_AreReportedUnsupported()
    {
        const string bundle = """
            {"type": "bundle", "objects": [
              {"type": "indicator", "id": "indicator--not", "pattern": "[domain-name:value != 'a.example']", "pattern_type": "stix"},
              {"type": "indicator", "id": "indicator--like", "pattern": "[domain-name:value LIKE '%.example']", "pattern_type": "stix"},
              {"type": "indicator", "id": "indicator--bad", "pattern": "[ipv4-addr:value = 'not-an-ip']", "pattern_type": "stix"}]}
            """;

        var result = StixBundleImporter.Import(bundle, "t");

        Assert.Empty(result.Indicators);
        Assert.Equal(["indicator--not", "indicator--like", "indicator--bad"], result.Report.Skipped.Select(s => s.Location));
    }
}
