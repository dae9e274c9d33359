using System.Net;
using Microsoft.Extensions.Time.Testing;
using Vigil.Connectors.Geo;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Enrich.Sources.Local;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Connectors.Tests.Geo;

public sealed class MmdbGeoLookupTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void Lookup_WrittenDatabase_ReadsCountryCityCoordinatesAndAsn_IPv4AndIPv6()
    {
        using var directory = new TempDirectory("vigil-geo");
        using var geo = new MmdbGeoLookup(GeoDatabase.Write(directory.Path), null);

        Assert.Null(geo.Unavailable);
        var london = geo.Lookup(IPAddress.Parse("81.2.69.160"));
        Assert.Equal(new GeoLocation
        {
            CountryCode = "GB",
            CountryName = "United Kingdom",
            City = "London",
            Latitude = 51.5142,
            Longitude = -0.0931,
            AccuracyRadiusKm = 20,
            Asn = 20712,
            AsnOrganization = "Andrews & Arnold Ltd",
        }, london);
        Assert.Equal("Linköping", geo.Lookup(IPAddress.Parse("2001:db8:1::7"))?.City);
        Assert.Null(geo.Lookup(IPAddress.Parse("8.8.8.8")));
    }

    [Fact]
    public async Task GeoSource_PrivateRangesWithoutLookup_MissingOrBrokenDatabaseIsMissingContext()
    {
        using var directory = new TempDirectory("vigil-geo");
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-11-23T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        using var unconfigured = new MmdbGeoLookup(null, null);
        var source = new GeoSource(time, unconfigured);

        var lan = await source.LookupAsync(Entity.Create(EntityType.Ip, "10.1.2.3"), Ct);
        Assert.Equal((EnrichmentStatus.Found, "false"), (lan.Status, lan.Attributes["globally_reachable"]));
        Assert.Contains("RFC 1918", lan.Attributes["address_space"], StringComparison.Ordinal);

        var offline = await source.LookupAsync(Entity.Create(EntityType.Ip, "81.2.69.160"), Ct);
        Assert.Equal(EnrichmentStatus.Failed, offline.Status);
        Assert.Contains("Vigil:Geo:Database", offline.Error, StringComparison.Ordinal);

        var garbage = Path.Combine(directory.Path, "broken.mmdb");
        await File.WriteAllTextAsync(garbage, "not a database", Ct);
        using var broken = new MmdbGeoLookup(garbage, null);
        Assert.StartsWith("the geo database cannot be read", broken.Unavailable, StringComparison.Ordinal);

        using var real = new MmdbGeoLookup(GeoDatabase.Write(directory.Path), null);
        var found = await new GeoSource(time, real).LookupAsync(Entity.Create(EntityType.Ip, "175.16.199.1"), Ct);
        Assert.Equal(("CN", "Changchun", "4837"), (found.Attributes["country_code"], found.Attributes["city"], found.Attributes["asn"]));
        Assert.Equal(EnrichmentStatus.NotFound, (await new GeoSource(time, real).LookupAsync(Entity.Create(EntityType.Ip, "8.8.8.8"), Ct)).Status);
    }

    [Fact]
    public async Task GeoVelocity_LondonThenChangchunInTwoHours_ImpossibleUnlessOnAKnownTrip()
    {
        using var directory = new TempDirectory("vigil-geo");
        using var geo = new MmdbGeoLookup(GeoDatabase.Write(directory.Path), null);
        await using var store = new StoreFactory().Open(new StoreLocation { DataDirectory = Path.Combine(directory.Path, "data") });
        await store.MigrateAsync(Ct);
        var t0 = DateTimeOffset.Parse("2026-11-23T08:00:00Z", System.Globalization.CultureInfo.InvariantCulture);
        var time = new FakeTimeProvider(t0);
        var check = new GeoVelocityCheck(store, time, geo);

        async Task<EnrichmentResult?> SignInAsync(string user, string address, DateTimeOffset at)
        {
            var alert = SignInAlert(user, address, at);
            var result = await check.CheckAsync(alert, Ct);
            if (result is { } found)
            {
                await using var transaction = await store.BeginAsync(Ct);
                await transaction.InsertSignInAsync(found.SignIn, Ct);
                await transaction.CommitAsync(Ct);
            }

            return result?.Result;
        }

        Assert.Equal(EnrichmentStatus.NotFound, (await SignInAsync("alice", "81.2.69.160", t0))!.Status);
        var impossible = await SignInAsync("alice", "175.16.199.1", t0.AddHours(2));
        Assert.Equal(("suspicious", "true"), (impossible!.Verdict, impossible.Attributes["impossible"]));
        Assert.Contains("impossible travel: London, GB to Changchun, CN", impossible.Attributes["reason"], StringComparison.Ordinal);

        await using (var transaction = await store.BeginAsync(Ct))
        {
            await transaction.UpsertIdentityAsync(new IdentityContext { UserName = "bob", TravelPeriods = [new TravelPeriod("CN", "Changchun", t0, t0.AddDays(3))] }, t0, Ct);
            await transaction.CommitAsync(Ct);
        }

        await SignInAsync("bob", "81.2.69.160", t0);
        var explained = await SignInAsync("bob", "175.16.199.1", t0.AddHours(2));
        Assert.Equal(("benign", "false"), (explained!.Verdict, explained.Attributes["impossible"]));
        Assert.StartsWith("CN 2026-11-23", explained.Attributes["explained_by_travel"], StringComparison.Ordinal);

        Assert.Null(await check.CheckAsync(SignInAlert("carol", "10.0.0.1", t0) with { }, Ct));
        Assert.Null(await check.CheckAsync(SignInAlert("carol", "81.2.69.160", t0) with { Tags = [] }, Ct));
    }

    private static Alert SignInAlert(string user, string address, DateTimeOffset at) => new()
    {
        Id = Domain.Ids.New(Domain.Ids.Alert, at),
        Source = "okta",
        SourceRef = $"{user}-{address}-{at:O}",
        Title = "Sign-in",
        Severity = Domain.Severity.Informational,
        OccurredAt = at,
        ReceivedAt = at,
        Fingerprint = AlertFingerprint.Compute("okta", $"{user}-{address}-{at:O}"),
        RawPayload = "{}",
        Entities = [Entity.Create(EntityType.User, user), Entity.Create(EntityType.Ip, address)],
        Tags = [AuthenticationEvents.Tag],
        FirstSeen = at,
        LastSeen = at,
    };
}
