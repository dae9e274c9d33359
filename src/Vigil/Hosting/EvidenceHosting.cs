using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Hosting;

internal static class EvidenceHosting
{
    /// <summary>The evidence stage's background work: scheduled retention runs (Vigil:Retention:IntervalMinutes).</summary>
    public static IServiceCollection AddEvidenceWorkers(this IServiceCollection services)
    {
        services.AddHostedService<RetentionWorker>();
        return services;
    }
}
