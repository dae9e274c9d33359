using System.Globalization;
using Vigil.Pipeline.Enrich.Context;

namespace Vigil.Pipeline.Enrich.Geo;

/// <summary>Impossible-travel checks between two sign-ins of the same identity.</summary>
public static class GeoVelocity
{
    /// <summary>The mean Earth radius (IUGG), in kilometres; the sphere's error against WGS 84 is under 0.5%.</summary>
    public const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance by the haversine formula, which stays accurate for short distances.</summary>
    public static double DistanceKm(double latitude1, double longitude1, double latitude2, double longitude2)
    {
        var phi1 = Radians(latitude1);
        var phi2 = Radians(latitude2);
        var dPhi = Radians(latitude2 - latitude1);
        var dLambda = Radians(longitude2 - longitude1);
        var h = Math.Pow(Math.Sin(dPhi / 2), 2) + (Math.Cos(phi1) * Math.Cos(phi2) * Math.Pow(Math.Sin(dLambda / 2), 2));
        // Clamp: rounding can push h a hair above 1 for antipodal points, and Asin would return NaN.
        return 2 * EarthRadiusKm * Math.Asin(Math.Sqrt(Math.Min(1, h)));
    }

    /// <summary>
    /// Judges the move between two sign-ins (in either order). A move faster than the threshold is explained away
    /// when <paramref name="travel"/> holds a period covering the later sign-in's country at its time.
    /// </summary>
    public static GeoVelocityVerdict Assess(GeoFix first, GeoFix second, IReadOnlyList<TravelPeriod> travel, GeoVelocityOptions? options = null)
    {
        options ??= new GeoVelocityOptions();
        var (from, to) = first.At <= second.At ? (first, second) : (second, first);
        var distance = DistanceKm(from.Latitude, from.Longitude, to.Latitude, to.Longitude);
        var elapsed = to.At - from.At;
        var speed = elapsed > TimeSpan.Zero ? distance / elapsed.TotalHours : distance > 0 ? double.PositiveInfinity : 0;
        var trip = $"{from.Place} to {to.Place}: {distance:0} km in {Describe(elapsed)}";
        var pace = double.IsPositiveInfinity(speed) ? "at the same instant" : $"{speed:0} km/h";

        if (distance < options.MinDistanceKm || speed <= options.MaxSpeedKmh)
        {
            var why = distance < options.MinDistanceKm ? $"under the {options.MinDistanceKm:0} km noise floor" : $"within {options.MaxSpeedKmh:0} km/h";
            return Verdict(distance, elapsed, speed, false, null, string.Create(CultureInfo.InvariantCulture, $"possible: {trip} ({pace}), {why}"));
        }

        var known = travel.FirstOrDefault(t => t.Covers(to.CountryCode, to.At));
        return known is null
            ? Verdict(distance, elapsed, speed, true, null, string.Create(CultureInfo.InvariantCulture, $"impossible travel: {trip} ({pace}, over {options.MaxSpeedKmh:0} km/h)"))
            : Verdict(distance, elapsed, speed, false, known, string.Create(CultureInfo.InvariantCulture,
                $"explained: {trip} ({pace}) but travel to {known.Country}{(known.City is null ? "" : " (" + known.City + ")")} is known from {known.From:yyyy-MM-dd} to {known.To:yyyy-MM-dd}"));
    }

    private static GeoVelocityVerdict Verdict(double distance, TimeSpan elapsed, double speed, bool impossible, TravelPeriod? explained, string reason) =>
        new() { DistanceKm = distance, Elapsed = elapsed, SpeedKmh = speed, IsImpossible = impossible, ExplainedBy = explained, Reason = reason };

    private static string Describe(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalHours:0.#} h")
            : string.Create(CultureInfo.InvariantCulture, $"{elapsed.TotalMinutes:0} min");

    private static double Radians(double degrees) => degrees * Math.PI / 180;
}
