using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Tests.Enrich.Fixtures;

namespace Vigil.Pipeline.Tests.Enrich.Context;

public sealed class ContextDirectoryTests
{
    private static readonly ContextDirectory Directory = new(
        ContextImporter.AssetsFromCsv(new StringReader(ContextFixtures.AssetsCsv), "assets.csv").Records,
        ContextImporter.IdentitiesFromCsv(new StringReader(ContextFixtures.IdentitiesCsv), "people.csv").Records,
        ContextImporter.ServicesFromCsv(new StringReader(ContextFixtures.ServicesCsv), "services.csv").Records);

    private static ContextLookup Lookup(EntityType type, string value) => Directory.Lookup(Entity.Create(type, value));

    [Theory]
    [InlineData(EntityType.Host, "DC-01.corp.local")]
    [InlineData(EntityType.Host, "dc-01")]
    [InlineData(EntityType.Ip, "10.0.0.11")]
    public void Lookup_HostByNameShortNameOrAddress_FindsTheAsset(EntityType type, string value)
    {
        var lookup = Lookup(type, value);

        Assert.Equal("dc-01.corp.local", lookup.Asset?.HostName);
        Assert.Empty(lookup.Missing);
    }

    [Fact]
    public void Lookup_AssetWithGaps_SaysWhatIsMissing()
    {
        var lookup = Lookup(EntityType.Host, "build-07");

        Assert.Equal(
            ["asset build-07 has no owner", "asset build-07 has no business criticality", "asset build-07 has no exposure (internal or internet-facing)"],
            lookup.Missing);
    }

    [Fact]
    public void Lookup_UnknownInternalAddress_IsMissingButPublicAddressIsNot()
    {
        Assert.Equal(["no asset record for internal address 10.9.9.9"], Lookup(EntityType.Ip, "10.9.9.9").Missing);
        Assert.Empty(Lookup(EntityType.Ip, "8.8.8.8").Missing);
        Assert.False(Lookup(EntityType.Ip, "8.8.8.8").IsKnown);
    }

    [Theory]
    [InlineData(EntityType.User, "ALICE")]
    [InlineData(EntityType.User, @"CORP\alice")]
    [InlineData(EntityType.User, "alice.smith@corp.example")]
    [InlineData(EntityType.Email, "Alice.Smith@corp.example")]
    public void Lookup_UserByNameDomainPrefixOrEmail_FindsTheIdentity(EntityType type, string value)
    {
        Assert.Equal("alice", Lookup(type, value).Identity?.UserName);
    }

    [Fact]
    public void Lookup_IdentityWithGaps_SaysWhatIsMissing()
    {
        var lookup = Lookup(EntityType.User, "bob");

        Assert.Equal(@"corp\bob", lookup.Identity?.UserName);
        Assert.Equal(["identity corp\\bob has no manager"], lookup.Missing);
    }

    [Fact]
    public void Lookup_UnknownUserAndService_AreMissing()
    {
        Assert.Equal(["no identity record for user mallory"], Lookup(EntityType.User, "mallory").Missing);
        Assert.Equal(["no service record for billing"], Lookup(EntityType.Service, "billing").Missing);
        Assert.Equal(["service wiki has no owner", "service wiki has no business criticality"], Lookup(EntityType.Service, "wiki").Missing);
    }

    [Fact]
    public void Lookup_EntityWithoutContextKind_IsNeitherKnownNorMissing()
    {
        var lookup = Lookup(EntityType.Domain, "corp.example");

        Assert.False(lookup.IsKnown);
        Assert.Empty(lookup.Missing);
    }
}
