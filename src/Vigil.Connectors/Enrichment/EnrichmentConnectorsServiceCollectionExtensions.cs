using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Connectors.Geo;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Ports;

namespace Vigil.Connectors.Enrichment;

public static class EnrichmentConnectorsServiceCollectionExtensions
{
    /// <summary>Configuration key listing further generic REST lookups by connector name (comma-separated); <c>rest</c> is always one.</summary>
    public const string RestConnectorsKey = "Vigil:Enrichment:RestConnectors";

    /// <summary>
    /// The reputation services (VirusTotal, AbuseIPDB, GreyNoise, MISP and generic REST lookups) as enrichment sources,
    /// each off until <c>Vigil:Connectors:&lt;name&gt;:Enabled</c> is true, and the MaxMind-format geo database
    /// (<c>Vigil:Geo:Database</c>, <c>Vigil:Geo:AsnDatabase</c>). Needs <c>AddVigilConnectors</c> for the HTTP clients and secrets.
    /// </summary>
    public static IServiceCollection AddVigilEnrichmentConnectors(this IServiceCollection services, IConfiguration? configuration)
    {
        services.TryAddSingleton<IGeoLookup, MmdbGeoLookup>();
        IReputationApi[] apis = [new VirusTotalApi(), new AbuseIpDbApi(), new GreyNoiseApi(), new MispApi(), .. RestNames(configuration).Select(n => new GenericRestApi(n))];
        foreach (var api in apis)
        {
            services.AddSingleton<IEnrichmentSource>(provider => new ReputationSource(
                api, provider.GetRequiredService<ConnectorClients>(), provider.GetRequiredService<ConnectorSecrets>(), provider.GetRequiredService<TimeProvider>()));
        }

        return services;
    }

    private static IEnumerable<string> RestNames(IConfiguration? configuration) =>
        new[] { "rest" }.Concat((configuration?[RestConnectorsKey] ?? string.Empty).Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            .Distinct(StringComparer.OrdinalIgnoreCase);
}
