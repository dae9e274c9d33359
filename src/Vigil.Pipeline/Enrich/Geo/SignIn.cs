namespace Vigil.Pipeline.Enrich.Geo;

/// <summary>A located sign-in of one identity, kept so the next one can be checked for impossible travel.</summary>
public sealed record SignIn
{
    public required string Id { get; init; }

    /// <summary>The user entity's normalised value.</summary>
    public required string UserName { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Address { get; init; }

    public required double Latitude { get; init; }

    public required double Longitude { get; init; }

    public string? CountryCode { get; init; }

    public string? City { get; init; }

    public string? AlertId { get; init; }

    public GeoFix ToFix() => new(At, Latitude, Longitude, CountryCode, City);
}
