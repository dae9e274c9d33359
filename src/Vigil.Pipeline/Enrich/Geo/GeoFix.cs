namespace Vigil.Pipeline.Enrich.Geo;

/// <summary>Where and when an identity authenticated: coordinates from geo-location of the source address.</summary>
public sealed record GeoFix(DateTimeOffset At, double Latitude, double Longitude, string? CountryCode = null, string? City = null)
{
    public string Place => City is null ? CountryCode ?? $"{Latitude:0.##},{Longitude:0.##}" : $"{City}, {CountryCode}";
}
