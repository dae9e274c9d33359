namespace Vigil.Pipeline.Enrich.Context;

/// <summary>A known trip: the identity is expected in <see cref="Country"/> (ISO 3166 alpha-2) between the dates.</summary>
public sealed record TravelPeriod(string Country, string? City, DateTimeOffset From, DateTimeOffset To)
{
    public bool Covers(string? country, DateTimeOffset at) =>
        country is not null && Country.Equals(country, StringComparison.OrdinalIgnoreCase) && at >= From && at <= To;
}
