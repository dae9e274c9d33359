namespace Vigil.Connectors.Tests.Geo;

/// <summary>A small City-and-ASN database written by <see cref="MmdbWriter"/> into a temporary file.</summary>
internal static class GeoDatabase
{
    public static string Write(string directory)
    {
        var writer = new MmdbWriter()
            .Insert("81.2.69.0/24", Place("GB", "United Kingdom", "London", 51.5142, -0.0931, 20712, "Andrews & Arnold Ltd"))
            .Insert("175.16.199.0/24", Place("CN", "China", "Changchun", 43.88, 125.3228, 4837, "China Unicom"))
            .Insert("2001:db8:1::/48", Place("SE", "Sweden", "Linköping", 58.4167, 15.6167, 29518, "Bredband2 AB"));
        var path = Path.Combine(directory, "test-city.mmdb");
        File.WriteAllBytes(path, writer.Build("Vigil-Test-City"));
        return path;
    }

    private static Dictionary<string, object> Place(string code, string country, string city, double latitude, double longitude, uint asn, string organisation) => new()
    {
        ["country"] = new Dictionary<string, object> { ["iso_code"] = code, ["names"] = new Dictionary<string, object> { ["en"] = country } },
        ["city"] = new Dictionary<string, object> { ["names"] = new Dictionary<string, object> { ["en"] = city } },
        ["location"] = new Dictionary<string, object> { ["latitude"] = latitude, ["longitude"] = longitude, ["accuracy_radius"] = (ushort)20 },
        ["autonomous_system_number"] = asn,
        ["autonomous_system_organization"] = organisation,
    };
}
