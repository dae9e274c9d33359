using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Ranges;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich.Sources.Local;

/// <summary>
/// Where an address is and which network holds it, from the user's geo database. Private and reserved addresses are
/// recognised from the IANA registries without a lookup: no database places them, and saying so is the answer.
/// </summary>
public sealed class GeoSource(TimeProvider time, IGeoLookup? geo = null) : IEnrichmentSource
{
    public const string SourceName = "geo";

    public string Name => SourceName;

    public bool Supports(EntityType type) => type == EntityType.Ip;

    public Task<EnrichmentResult> LookupAsync(Entity entity, CancellationToken cancellationToken) => Task.FromResult(Lookup(entity));

    private EnrichmentResult Lookup(Entity entity)
    {
        var now = time.GetUtcNow();
        if (!AddressClassifier.TryClassify(entity.Value, out var space))
        {
            return Results.Failed(Name, entity, now, $"'{entity.Value}' is not an IP address");
        }

        if (!space.IsGloballyReachable)
        {
            var local = new Attributes()
                .Add("address_space", space.Label)
                .Add("category", Attributes.SnakeCase(space.Category.ToString()))
                .Add("globally_reachable", false);
            return Results.Found(Name, entity, now, local.Build());
        }

        if (geo is null || geo.Unavailable is not null)
        {
            return Results.Failed(Name, entity, now, geo?.Unavailable ?? "no geo database is configured (set Vigil:Geo:Database to a MaxMind-format .mmdb file)");
        }

        var location = geo.Lookup(space.Address);
        if (location is null)
        {
            return Results.NotFound(Name, entity, now, missing: [$"the geo database has no entry for {entity.Value}"]);
        }

        var attributes = new Attributes()
            .Add("address_space", space.Label)
            .Add("country_code", location.CountryCode)
            .Add("country", location.CountryName)
            .Add("city", location.City)
            .Add("latitude", location.Latitude)
            .Add("longitude", location.Longitude)
            .Add("accuracy_km", location.AccuracyRadiusKm)
            .Add("asn", location.Asn)
            .Add("as_org", location.AsnOrganization);
        return Results.Found(Name, entity, now, attributes.Build());
    }
}
