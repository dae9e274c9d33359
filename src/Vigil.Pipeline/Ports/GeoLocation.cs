namespace Vigil.Pipeline.Ports;

/// <summary>Where an address is, as a geo database (MaxMind GeoLite2 City + ASN or similar) places it.</summary>
public sealed record GeoLocation
{
    /// <summary>ISO 3166 alpha-2, upper case; null when the database has only a continent.</summary>
    public string? CountryCode { get; init; }

    public string? CountryName { get; init; }

    public string? City { get; init; }

    public double? Latitude { get; init; }

    public double? Longitude { get; init; }

    /// <summary>The database's own uncertainty for the coordinates, in kilometres.</summary>
    public int? AccuracyRadiusKm { get; init; }

    public long? Asn { get; init; }

    public string? AsnOrganization { get; init; }
}
