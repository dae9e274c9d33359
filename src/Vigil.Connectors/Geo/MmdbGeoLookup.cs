using System.Globalization;
using System.Net;
using MaxMind.Db;
using Microsoft.Extensions.Configuration;
using Vigil.Pipeline.Ports;

namespace Vigil.Connectors.Geo;

/// <summary>
/// <see cref="IGeoLookup"/> over MaxMind-format databases the user supplies: <c>Vigil:Geo:Database</c> (a City or
/// Country database: GeoLite2, GeoIP2, DB-IP and IPinfo all publish this format) and optionally
/// <c>Vigil:Geo:AsnDatabase</c> (ASN). Files are memory-mapped and opened on first use; a missing or unreadable file
/// makes the lookup unavailable with the reason, which enrichment reports as missing context.
/// </summary>
public sealed class MmdbGeoLookup : IGeoLookup, IDisposable
{
    public const string DatabaseKey = "Vigil:Geo:Database";
    public const string AsnDatabaseKey = "Vigil:Geo:AsnDatabase";

    private readonly Lazy<(Reader? City, Reader? Asn, string? Problem)> _readers;

    public MmdbGeoLookup(IConfiguration? configuration)
        : this(configuration?[DatabaseKey], configuration?[AsnDatabaseKey])
    {
    }

    public MmdbGeoLookup(string? database, string? asnDatabase) =>
        _readers = new Lazy<(Reader?, Reader?, string?)>(() => Open(database, asnDatabase), LazyThreadSafetyMode.ExecutionAndPublication);

    public string? Unavailable => _readers.Value.Problem;

    public GeoLocation? Lookup(IPAddress address)
    {
        var (city, asn, _) = _readers.Value;
        var place = city?.Find<Dictionary<string, object>>(address);
        var network = asn is null ? place : asn.Find<Dictionary<string, object>>(address);
        if (place is null && network is null)
        {
            return null;
        }

        return new GeoLocation
        {
            CountryCode = Text(place, "country", "iso_code") ?? Text(place, "registered_country", "iso_code"),
            CountryName = Text(place, "country", "names", "en") ?? Text(place, "registered_country", "names", "en"),
            City = Text(place, "city", "names", "en"),
            Latitude = Number(place, "location", "latitude"),
            Longitude = Number(place, "location", "longitude"),
            AccuracyRadiusKm = Number(place, "location", "accuracy_radius") is { } radius ? (int)radius : null,
            Asn = Number(network, "autonomous_system_number") is { } number ? (long)number : null,
            AsnOrganization = Text(network, "autonomous_system_organization"),
        };
    }

    public void Dispose()
    {
        if (_readers.IsValueCreated)
        {
            _readers.Value.City?.Dispose();
            _readers.Value.Asn?.Dispose();
        }
    }

    private static (Reader?, Reader?, string?) Open(string? database, string? asnDatabase)
    {
        if (string.IsNullOrWhiteSpace(database) && string.IsNullOrWhiteSpace(asnDatabase))
        {
            return (null, null, $"no geo database is configured (set {DatabaseKey} to a MaxMind-format .mmdb file)");
        }

        try
        {
            var city = string.IsNullOrWhiteSpace(database) ? null : new Reader(database, FileAccessMode.MemoryMapped);
            var asn = string.IsNullOrWhiteSpace(asnDatabase) ? null : new Reader(asnDatabase, FileAccessMode.MemoryMapped);
            return (city, asn, null);
        }
        catch (Exception ex) when (ex is IOException or InvalidDatabaseException or UnauthorizedAccessException)
        {
            return (null, null, $"the geo database cannot be read: {ex.Message}");
        }
    }

    private static object? At(Dictionary<string, object>? map, params ReadOnlySpan<string> path)
    {
        object? current = map;
        foreach (var key in path)
        {
            if (current is not Dictionary<string, object> level || !level.TryGetValue(key, out current))
            {
                return null;
            }
        }

        return current;
    }

    private static string? Text(Dictionary<string, object>? map, params ReadOnlySpan<string> path) => At(map, path) as string;

    private static double? Number(Dictionary<string, object>? map, params ReadOnlySpan<string> path) => At(map, path) switch
    {
        double d => d,
        float f => f,
        IConvertible c and not string => c.ToDouble(CultureInfo.InvariantCulture),
        System.Numerics.BigInteger b => (double)b,
        _ => null,
    };
}
