using CsCheck;
using Vigil.Pipeline.Enrich.Context;
using Vigil.Pipeline.Enrich.Geo;

namespace Vigil.Pipeline.Tests.Enrich.Geo;

public sealed class GeoVelocityTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly GeoFix London = new(Start, 51.5074, -0.1278, "GB", "London");

    private static GeoFix Paris(TimeSpan after) => new(Start + after, 48.8566, 2.3522, "FR", "Paris");

    private static GeoFix Sydney(TimeSpan after) => new(Start + after, -33.8688, 151.2093, "AU", "Sydney");

    [Fact]
    public void DistanceKm_LondonToParis_IsAbout344()
    {
        Assert.InRange(GeoVelocity.DistanceKm(51.5074, -0.1278, 48.8566, 2.3522), 340, 348);
    }

    [Fact]
    public void DistanceKm_Antipodes_IsHalfTheCircumference()
    {
        Assert.Equal(Math.PI * GeoVelocity.EarthRadiusKm, GeoVelocity.DistanceKm(0, 0, 0, 180), 6);
    }

    [Fact]
    public void Assess_LondonThenSydneyInTwoHours_IsImpossible()
    {
        var verdict = GeoVelocity.Assess(London, Sydney(TimeSpan.FromHours(2)), []);

        Assert.True(verdict.IsImpossible);
        Assert.InRange(verdict.DistanceKm, 16_900, 17_100);
        Assert.StartsWith("impossible travel: London, GB to Sydney, AU", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_LondonThenSydneyNextDay_IsPossible()
    {
        Assert.False(GeoVelocity.Assess(London, Sydney(TimeSpan.FromHours(24)), []).IsImpossible);
    }

    [Fact]
    public void Assess_ArgumentsInEitherOrder_GiveTheSameVerdict()
    {
        var forward = GeoVelocity.Assess(London, Paris(TimeSpan.FromMinutes(10)), []);
        var backward = GeoVelocity.Assess(Paris(TimeSpan.FromMinutes(10)), London, []);

        Assert.Equal(forward, backward);
        Assert.True(forward.IsImpossible);
    }

    [Fact]
    public void Assess_ShortHopUnderNoiseFloor_IsNeverImpossible()
    {
        var reading = new GeoFix(Start.AddMinutes(1), 51.4543, -0.9781, "GB", "Reading");

        var verdict = GeoVelocity.Assess(London, reading, []);

        Assert.False(verdict.IsImpossible);
        Assert.Contains("noise floor", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Assess_SameInstantFarApart_HasInfiniteSpeed()
    {
        var verdict = GeoVelocity.Assess(London, Sydney(TimeSpan.Zero), []);

        Assert.True(double.IsPositiveInfinity(verdict.SpeedKmh));
        Assert.True(verdict.IsImpossible);
    }

    [Fact]
    public void Assess_KnownTravelToDestination_ExplainsItAway()
    {
        var trip = new TravelPeriod("AU", "Sydney", Start.AddDays(-1), Start.AddDays(5));

        var verdict = GeoVelocity.Assess(London, Sydney(TimeSpan.FromHours(2)), [trip]);

        Assert.False(verdict.IsImpossible);
        Assert.Same(trip, verdict.ExplainedBy);
        Assert.Contains("travel to AU (Sydney) is known", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("FR", 0)]
    [InlineData("AU", 10)]
    public void Assess_TravelElsewhereOrAnotherTime_DoesNotExplain(string country, int daysLater)
    {
        var trip = new TravelPeriod(country, null, Start.AddDays(daysLater), Start.AddDays(daysLater + 3));

        Assert.True(GeoVelocity.Assess(London, Sydney(TimeSpan.FromHours(2)), [trip]).IsImpossible);
    }

    [Fact]
    public void Assess_ConfiguredThreshold_IsHonoured()
    {
        var slow = new GeoVelocityOptions { MaxSpeedKmh = 300, MinDistanceKm = 100 };

        Assert.True(GeoVelocity.Assess(London, Paris(TimeSpan.FromHours(1)), [], slow).IsImpossible);
        Assert.False(GeoVelocity.Assess(London, Paris(TimeSpan.FromHours(1)), []).IsImpossible);
    }

    [Fact]
    public void DistanceKm_IsSymmetricAndBounded()
    {
        var latitude = Gen.Double[-90, 90];
        var longitude = Gen.Double[-180, 180];
        Gen.Select(latitude, longitude, latitude, longitude).Sample((a, b, c, d) =>
        {
            var there = GeoVelocity.DistanceKm(a, b, c, d);
            Assert.Equal(there, GeoVelocity.DistanceKm(c, d, a, b), 6);
            Assert.InRange(there, 0, (Math.PI * GeoVelocity.EarthRadiusKm) + 1e-6);
        });
    }
}
