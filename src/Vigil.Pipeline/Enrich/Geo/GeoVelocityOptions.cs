namespace Vigil.Pipeline.Enrich.Geo;

/// <summary>Thresholds for impossible travel.</summary>
public sealed record GeoVelocityOptions
{
    /// <summary>Faster than this is impossible; airliners cruise at 850–950 km/h, so 1,000 leaves a margin.</summary>
    public double MaxSpeedKmh { get; init; } = 1000;

    /// <summary>
    /// Closer than this is never flagged: city-level geo-location is often off by 50–100 km and mobile carriers
    /// egress far from the handset, so short hops in a short time are noise.
    /// </summary>
    public double MinDistanceKm { get; init; } = 300;
}
