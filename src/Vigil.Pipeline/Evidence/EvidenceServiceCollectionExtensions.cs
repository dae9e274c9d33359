using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Pipeline.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>Evidence packages and their signing key, bulk exports, control and leadership reports.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddSingleton<EvidenceKeyring>();
        services.AddSingleton<EvidenceExporter>();
        services.AddSingleton<BulkExporter>();
        return services;
    }
}
