using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Intel;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Enrich.Sources.Local;
using Vigil.Pipeline.Jobs;

namespace Vigil.Pipeline.Enrich;

public static class EnrichServiceCollectionExtensions
{
    /// <summary>
    /// The local enrichment sources (assets, identities, services, intel, geo), the case enricher and its job handler.
    /// Remote sources (reputation services) are added by the host as further <see cref="IEnrichmentSource"/>s;
    /// an <c>IGeoLookup</c>, when registered, turns geo and geo-velocity on.
    /// </summary>
    public static IServiceCollection AddVigilEnrichment(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<IntelIndexCache>();
        services.AddSingleton<IEnrichmentSource, AssetSource>();
        services.AddSingleton<IEnrichmentSource, IdentitySource>();
        services.AddSingleton<IEnrichmentSource, ServiceSource>();
        services.AddSingleton<IEnrichmentSource, IntelSource>();
        services.AddSingleton<IEnrichmentSource, GeoSource>();
        services.TryAddSingleton(new GeoVelocityOptions());
        services.TryAddSingleton<GeoVelocityCheck>();
        services.TryAddSingleton<CaseEnricher>();
        services.TryAddSingleton<ContextWriter>();
        services.AddSingleton<IJobHandler, EnrichJobHandler>();
        return services;
    }
}
