using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Storage.Tests.Compliance;

public abstract partial class StoreCompliance
{
    [Fact]
    public async Task Assets_UpsertFindByNameShortNameAndAddress_ReplaceDropsOldAddress_Delete()
    {
        await using var db = await OpenStoreAsync();
        var asset = new AssetContext
        {
            HostName = "dc-01.corp.local",
            IpAddresses = ["10.0.0.5", "fd00::5"],
            Owner = "it-ops",
            Criticality = Criticality.Critical,
            Exposure = Exposure.Internal,
            Environment = DeploymentEnvironment.Production,
            RegulatoryScopes = ["sox"],
            Tags = ["tier0"],
            Role = "domain controller",
        };
        var other = new AssetContext { HostName = "ws-12", IpAddresses = ["10.0.0.12"] };
        Assert.True(await CommitAsync(db.Store, tx => tx.UpsertAssetAsync(asset, T0, Ct)));
        Assert.True(await CommitAsync(db.Store, tx => tx.UpsertAssetAsync(other, T0, Ct)));

        AssertAsset(asset, await db.Store.FindAssetAsync("dc-01.corp.local", Ct));
        AssertAsset(asset, await db.Store.FindAssetAsync("dc-01", Ct));
        AssertAsset(asset, await db.Store.FindAssetByAddressAsync("fd00::5", Ct));
        Assert.Null(await db.Store.FindAssetAsync("dc-02", Ct));

        var moved = asset with { IpAddresses = ["10.0.0.6"], Owner = null };
        Assert.False(await CommitAsync(db.Store, tx => tx.UpsertAssetAsync(moved, T0.AddHours(1), Ct)));
        Assert.Null(await db.Store.FindAssetByAddressAsync("10.0.0.5", Ct));
        AssertAsset(moved, await db.Store.FindAssetByAddressAsync("10.0.0.6", Ct));

        Assert.Equal(["dc-01.corp.local", "ws-12"], (await db.Store.ListAssetsAsync(null, 10, Ct)).Select(a => a.HostName));
        Assert.Equal(["ws-12"], (await db.Store.ListAssetsAsync("dc-01.corp.local", 10, Ct)).Select(a => a.HostName));
        Assert.Single(await db.Store.ListAssetsAsync(null, 1, Ct));

        Assert.True(await CommitAsync(db.Store, tx => tx.DeleteAssetAsync("ws-12", Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.DeleteAssetAsync("ws-12", Ct)));
        Assert.Null(await db.Store.FindAssetByAddressAsync("10.0.0.12", Ct));
    }

    [Fact]
    public async Task Identities_And_Services_UpsertFindListDelete_TravelPeriodsRoundTrip()
    {
        await using var db = await OpenStoreAsync();
        var alice = new IdentityContext
        {
            UserName = "corp\\alice",
            Email = "alice@corp.example",
            DisplayName = "Alice",
            Role = "domain admin",
            Manager = "bob",
            Department = "IT",
            Lifecycle = LifecycleState.Active,
            Privileged = true,
            TravelPeriods = [new TravelPeriod("JP", "Tokyo", T0, T0.AddDays(7))],
        };
        Assert.True(await CommitAsync(db.Store, tx => tx.UpsertIdentityAsync(alice, T0, Ct)));

        foreach (var found in new[]
        {
            await db.Store.FindIdentityAsync("corp\\alice", Ct),
            await db.Store.FindIdentityAsync("alice", Ct),
            await db.Store.FindIdentityByEmailAsync("alice@corp.example", Ct),
        })
        {
            Assert.NotNull(found);
            Assert.Equal(alice with { TravelPeriods = [] }, found with { TravelPeriods = [] });
            Assert.Equal(alice.TravelPeriods, found.TravelPeriods);
        }

        Assert.Null(await db.Store.FindIdentityAsync("mallory", Ct));
        Assert.False(await CommitAsync(db.Store, tx => tx.UpsertIdentityAsync(alice with { Privileged = false }, T0, Ct)));
        Assert.False((await db.Store.FindIdentityAsync("alice", Ct))!.Privileged);
        Assert.Single(await db.Store.ListIdentitiesAsync(null, 10, Ct));
        Assert.True(await CommitAsync(db.Store, tx => tx.DeleteIdentityAsync("corp\\alice", Ct)));
        Assert.Empty(await db.Store.ListIdentitiesAsync(null, 10, Ct));

        var payroll = new ServiceContext { Name = "payroll", Owner = "finance-it", Dependencies = ["db-01", "ldap"], Criticality = Criticality.High };
        Assert.True(await CommitAsync(db.Store, tx => tx.UpsertServiceAsync(payroll, T0, Ct)));
        var read = await db.Store.FindServiceAsync("payroll", Ct);
        Assert.Equal(payroll.Dependencies, read!.Dependencies);
        Assert.Equal(payroll with { Dependencies = [] }, read with { Dependencies = [] });
        Assert.Equal(["payroll"], (await db.Store.ListServicesAsync(null, 10, Ct)).Select(s => s.Name));
        Assert.True(await CommitAsync(db.Store, tx => tx.DeleteServiceAsync("payroll", Ct)));
        Assert.Null(await db.Store.FindServiceAsync("payroll", Ct));
    }

    [Fact]
    public async Task Indicators_UpsertIsIdempotentPerTypeValueSource_ListFiltersAndStampMoves()
    {
        await using var db = await OpenStoreAsync();
        Assert.Equal(new Pipeline.Ports.IntelStamp(0, null), await db.Store.GetIntelStampAsync(Ct));
        var cidr = new Indicator
        {
            Type = IndicatorType.Cidr,
            Value = "203.0.113.0/24",
            Confidence = 80,
            Source = "ACME CERT",
            OriginId = "indicator--1",
            FirstSeen = T0.AddDays(-3),
            LastSeen = T0.AddDays(-1),
            ValidUntil = T0.AddDays(30),
            Labels = ["c2"],
            Description = "botnet range",
        };
        var domain = cidr with { Type = IndicatorType.Domain, Value = "evil.example", OriginId = "indicator--2", CompoundKey = "p1", CompoundSize = 2 };
        Assert.True(await CommitAsync(db.Store, tx => tx.UpsertIndicatorAsync(cidr, T0, Ct)));
        Assert.True(await CommitAsync(db.Store, tx => tx.UpsertIndicatorAsync(domain, T0, Ct)));
        Assert.False(await CommitAsync(db.Store, tx => tx.UpsertIndicatorAsync(cidr with { Confidence = 90 }, T0.AddMinutes(5), Ct)));
        Assert.True(await CommitAsync(db.Store, tx => tx.UpsertIndicatorAsync(cidr with { Source = "Other feed" }, T0, Ct)));

        var stored = await db.Store.GetIndicatorAsync(StoredIndicator.IdOf(cidr), Ct);
        Assert.NotNull(stored);
        Assert.Equal(90, stored.Indicator.Confidence);
        Assert.Equal(Micros(T0.AddMinutes(5)), stored.UpdatedAt);
        Assert.Equal(Micros(cidr.ValidUntil.Value), Micros(stored.Indicator.ValidUntil!.Value));
        Assert.Equal(cidr.Labels, stored.Indicator.Labels);
        var readDomain = (await db.Store.ListIndicatorsAsync(null, 10, IndicatorType.Domain, null, Ct)).Single();
        Assert.Equal(("p1", 2), (readDomain.Indicator.CompoundKey, readDomain.Indicator.CompoundSize));
        Assert.Equal(2, (await db.Store.ListIndicatorsAsync(null, 10, null, "203.0.113.0/24", Ct)).Count);

        var all = await db.Store.ListIndicatorsAsync(null, 10, null, null, Ct);
        Assert.Equal(3, all.Count);
        Assert.Equal(all.Select(i => i.Id).Order(StringComparer.Ordinal), all.Select(i => i.Id));
        Assert.Equal(all.Skip(1).Select(i => i.Id), (await db.Store.ListIndicatorsAsync(all[0].Id, 10, null, null, Ct)).Select(i => i.Id));
        Assert.Equal(new Pipeline.Ports.IntelStamp(3, Micros(T0.AddMinutes(5))), await db.Store.GetIntelStampAsync(Ct));

        Assert.True(await CommitAsync(db.Store, tx => tx.DeleteIndicatorAsync(readDomain.Id, Ct)));
        Assert.Equal(2, (await db.Store.GetIntelStampAsync(Ct)).Count);
    }

    [Fact]
    public async Task Enrichments_OnePerCaseEntitySource_ReplacedOnRelookup_FreshOnesReusedAcrossCases()
    {
        await using var db = await OpenStoreAsync();
        var first = NewCase("first");
        var second = NewCase("second");
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertCaseAsync(first, Ct);
            await tx.InsertCaseAsync(second, Ct);
        });

        var failed = new EnrichmentResult
        {
            Source = "virustotal",
            EntityType = EntityType.Ip,
            EntityValue = "203.0.113.7",
            Status = EnrichmentStatus.Failed,
            FetchedAt = T0,
            Error = "rate limited (4 per minute)",
        };
        await CommitAsync(db.Store, tx => tx.UpsertEnrichmentAsync(new CaseEnrichment { Id = "enr_1", CaseId = first.Id, Result = failed }, Ct));
        Assert.Null(await db.Store.FindFreshEnrichmentAsync("virustotal", "ip:203.0.113.7", T0, Ct));

        var found = failed with
        {
            Status = EnrichmentStatus.Found,
            FetchedAt = T0.AddMinutes(1),
            Error = null,
            Verdict = "malicious",
            Score = 42,
            Attributes = new Dictionary<string, string> { ["malicious"] = "30", ["country"] = "NL" },
            Missing = ["no whois"],
            ValidFor = TimeSpan.FromHours(1),
        };
        await CommitAsync(db.Store, tx => tx.UpsertEnrichmentAsync(new CaseEnrichment { Id = "enr_2", CaseId = first.Id, Result = found }, Ct));
        var assets = new EnrichmentResult { Source = "assets", EntityType = EntityType.Host, EntityValue = "dc-01", Status = EnrichmentStatus.NotFound, FetchedAt = T0 };
        await CommitAsync(db.Store, tx => tx.UpsertEnrichmentAsync(new CaseEnrichment { Id = "enr_3", CaseId = first.Id, Result = assets }, Ct));

        var stored = await db.Store.GetCaseEnrichmentsAsync(first.Id, Ct);
        Assert.Equal(["host:dc-01/assets", "ip:203.0.113.7/virustotal"], stored.Select(e => $"{e.Result.EntityType.ToWire()}:{e.Result.EntityValue}/{e.Result.Source}"));
        var vt = stored[1];
        Assert.Equal("enr_1", vt.Id);
        Assert.Equal(EnrichmentStatus.Found, vt.Result.Status);
        Assert.Equal(Micros(found.FetchedAt), vt.Result.FetchedAt);
        Assert.Equal(TimeSpan.FromHours(1), vt.Result.ValidFor);
        Assert.Equal(("malicious", 42, (string?)null), (vt.Result.Verdict, vt.Result.Score, vt.Result.Error));
        Assert.Equal(found.Attributes, vt.Result.Attributes);
        Assert.Equal(["no whois"], vt.Result.Missing);
        Assert.Null(stored[0].Result.ValidFor);
        Assert.Empty(await db.Store.GetCaseEnrichmentsAsync(second.Id, Ct));

        Assert.Equal("malicious", (await db.Store.FindFreshEnrichmentAsync("virustotal", "ip:203.0.113.7", T0.AddMinutes(30), Ct))?.Verdict);
        Assert.Null(await db.Store.FindFreshEnrichmentAsync("virustotal", "ip:203.0.113.7", T0.AddHours(2), Ct));
        Assert.Null(await db.Store.FindFreshEnrichmentAsync("abuseipdb", "ip:203.0.113.7", T0.AddMinutes(30), Ct));
    }

    [Fact]
    public async Task SignIns_LastBeforeIsTheLatestEarlierOneOfThatUser()
    {
        await using var db = await OpenStoreAsync();
        SignIn At(string id, string user, DateTimeOffset at, double lat) =>
            new() { Id = id, UserName = user, At = at, Address = "198.51.100.1", Latitude = lat, Longitude = 2.35, CountryCode = "FR", City = "Paris", AlertId = "alr_x" };
        await CommitAsync(db.Store, async tx =>
        {
            await tx.InsertSignInAsync(At("s1", "alice", T0, 48.85), Ct);
            await tx.InsertSignInAsync(At("s2", "alice", T0.AddHours(1), 35.6), Ct);
            await tx.InsertSignInAsync(At("s3", "bob", T0.AddHours(2), 1), Ct);
        });

        var last = await db.Store.GetLastSignInAsync("alice", T0.AddHours(3), Ct);
        Assert.Equal(At("s2", "alice", Micros(T0.AddHours(1)), 35.6), last);
        Assert.Equal("s1", (await db.Store.GetLastSignInAsync("alice", T0.AddHours(1), Ct))?.Id);
        Assert.Null(await db.Store.GetLastSignInAsync("alice", T0, Ct));
    }

    private static void AssertAsset(AssetContext expected, AssetContext? actual)
    {
        Assert.NotNull(actual);
        Assert.Equal(expected.IpAddresses, actual.IpAddresses);
        Assert.Equal(expected.RegulatoryScopes, actual.RegulatoryScopes);
        Assert.Equal(expected.Tags, actual.Tags);
        Assert.Equal(expected with { IpAddresses = [], RegulatoryScopes = [], Tags = [] }, actual with { IpAddresses = [], RegulatoryScopes = [], Tags = [] });
    }
}
