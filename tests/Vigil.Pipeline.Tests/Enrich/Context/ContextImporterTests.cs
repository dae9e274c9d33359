using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Tests.Enrich.Fixtures;

namespace Vigil.Pipeline.Tests.Enrich.Context;

public sealed class ContextImporterTests
{
    [Fact]
    public void AssetsFromCsv_ReadsEveryColumnAndListsSplitOnSemicolon()
    {
        var result = ContextImporter.AssetsFromCsv(new StringReader(ContextFixtures.AssetsCsv), "assets.csv");

        var dc = result.Records[0];
        Assert.Equal("dc-01.corp.local", dc.HostName);
        Assert.Equal(["10.0.0.10", "10.0.0.11"], dc.IpAddresses);
        Assert.Equal("it-infra@corp.example", dc.Owner);
        Assert.Equal(Criticality.Critical, dc.Criticality);
        Assert.Equal(Exposure.Internal, dc.Exposure);
        Assert.Equal(DeploymentEnvironment.Production, dc.Environment);
        Assert.Equal(["sox", "gdpr"], dc.RegulatoryScopes);
        Assert.Equal(["tier0"], dc.Tags);
        Assert.Equal("domain controller", dc.Role);
        Assert.Equal(Exposure.InternetFacing, result.Records[1].Exposure);
        Assert.Equal(DeploymentEnvironment.Production, result.Records[1].Environment);
    }

    [Fact]
    public void AssetsFromCsv_BadValues_AreReportedByLineAndFieldAndLeftUnknown()
    {
        var result = ContextImporter.AssetsFromCsv(new StringReader(ContextFixtures.AssetsCsv), "assets.csv");

        Assert.Equal(["dc-01.corp.local", "web-01", "build-07", "bad-01"], result.Records.Select(r => r.HostName));
        Assert.Equal(
            [
                "assets.csv line 5, field 'ip': '10.0.9.300' is not an IP address",
                "assets.csv line 5, field 'criticality': 'extreme' is not one of low, medium, high, critical",
                "assets.csv line 6, field 'host': is required",
            ],
            result.Errors.Select(e => e.ToString()));
        var bad = result.Records[3];
        Assert.Null(bad.Criticality);
        Assert.Empty(bad.IpAddresses);
        Assert.Equal("someone", bad.Owner);
    }

    [Fact]
    public void AssetsFromJson_ReadsArraysAndStringsAndReportsByIndex()
    {
        var result = ContextImporter.AssetsFromJson(ContextFixtures.AssetsJson, "assets.json");

        Assert.Equal(["db-02.corp.local", "kiosk-3"], result.Records.Select(r => r.HostName));
        Assert.Equal(["pci"], result.Records[0].RegulatoryScopes);
        Assert.Equal(DeploymentEnvironment.Staging, result.Records[0].Environment);
        Assert.Equal(["10.0.7.3"], result.Records[1].IpAddresses);
        Assert.Equal(
            [
                "assets.json index 1, field 'exposure': 'somewhere' is not one of internal, internet_facing",
                "assets.json index 2, field '(record)': expected an object, found number",
            ],
            result.Errors.Select(e => e.ToString()));
    }

    [Fact]
    public void IdentitiesFromCsv_ReadsTravelPeriodsAndFlags()
    {
        var result = ContextImporter.IdentitiesFromCsv(new StringReader(ContextFixtures.IdentitiesCsv), "people.csv");

        var alice = result.Records[0];
        Assert.Equal("alice", alice.UserName);
        Assert.Equal("alice.smith@corp.example", alice.Email);
        Assert.Equal("Alice Smith", alice.DisplayName);
        Assert.Equal("carol", alice.Manager);
        Assert.Equal(LifecycleState.Active, alice.Lifecycle);
        Assert.True(alice.Privileged);
        Assert.Equal(2, alice.TravelPeriods.Count);
        Assert.Equal(new TravelPeriod("FR", "Paris", new DateTimeOffset(2026, 11, 2, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 6, 23, 59, 59, 999, TimeSpan.Zero).AddTicks(9999)), alice.TravelPeriods[0]);
        Assert.Equal(LifecycleState.Leaver, result.Records[1].Lifecycle);
        Assert.False(result.Records[1].Privileged);
        Assert.Equal(@"corp\bob", result.Records[1].UserName);
    }

    [Fact]
    public void IdentitiesFromCsv_BadValues_NameLineFieldAndProblem()
    {
        var result = ContextImporter.IdentitiesFromCsv(new StringReader(ContextFixtures.IdentitiesCsv), "people.csv");

        Assert.Equal(
            [
                "people.csv line 4, field 'lifecycle': 'retired' is not one of joiner, active, mover, leaver",
                "people.csv line 4, field 'privileged': 'maybe' is not true or false",
                "people.csv line 4, field 'travel item 1': from '2026-13-01' and to '2026-12-01' must both be dates or times",
            ],
            result.Errors.Select(e => e.ToString()));
        Assert.Empty(result.Records[2].TravelPeriods);
    }

    [Fact]
    public void IdentitiesFromJson_ReadsObjectsAndRequiresTheUser()
    {
        var result = ContextImporter.IdentitiesFromJson(ContextFixtures.IdentitiesJson, "people.json");

        var erin = Assert.Single(result.Records);
        Assert.Equal(LifecycleState.Mover, erin.Lifecycle);
        Assert.False(erin.Privileged);
        Assert.Equal("US", Assert.Single(erin.TravelPeriods).Country);
        Assert.Equal("people.json index 1, field 'user': is required", Assert.Single(result.Errors).ToString());
    }

    [Fact]
    public void ServicesFromCsv_ReadsDependencies()
    {
        var result = ContextImporter.ServicesFromCsv(new StringReader(ContextFixtures.ServicesCsv), "services.csv");

        Assert.True(result.IsClean);
        Assert.Equal(["db-02.corp.local", "web-01"], result.Records[0].Dependencies);
        Assert.Equal(Criticality.Critical, result.Records[0].Criticality);
        Assert.Null(result.Records[1].Owner);
    }

    [Theory]
    [InlineData("{\"host\": \"x\"}", "root", "expected an array of objects")]
    [InlineData("[{\"host\": ", "line 1", "not JSON")]
    public void AssetsFromJson_WrongShape_IsOneError(string json, string location, string problem)
    {
        var error = Assert.Single(ContextImporter.AssetsFromJson(json, "a.json").Errors);

        Assert.Equal(location, error.Location);
        Assert.Contains(problem, error.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void ServicesFromCsv_EmptyFile_SaysAHeaderIsExpected()
    {
        var error = Assert.Single(ContextImporter.ServicesFromCsv(new StringReader(""), "s.csv").Errors);

        Assert.Contains("header", error.Problem, StringComparison.Ordinal);
    }
}
