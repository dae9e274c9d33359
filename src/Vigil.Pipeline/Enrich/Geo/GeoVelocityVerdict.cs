using Vigil.Pipeline.Enrich.Context;

namespace Vigil.Pipeline.Enrich.Geo;

/// <summary>The travel implied by two sign-ins, whether it is possible, and a sentence saying why.</summary>
public sealed record GeoVelocityVerdict
{
    public required double DistanceKm { get; init; }

    public required TimeSpan Elapsed { get; init; }

    /// <summary>Kilometres per hour; positive infinity when both sign-ins happened at the same instant.</summary>
    public required double SpeedKmh { get; init; }

    /// <summary>Faster than the threshold, over more than the minimum distance, and not covered by known travel.</summary>
    public required bool IsImpossible { get; init; }

    /// <summary>The known trip that accounts for an otherwise impossible speed.</summary>
    public TravelPeriod? ExplainedBy { get; init; }

    public required string Reason { get; init; }
}
