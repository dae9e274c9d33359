using Microsoft.Extensions.DependencyInjection;

namespace Vigil.Hosting;

internal static class EvidenceHosting
{
    /// <summary>The evidence stage's background work: scheduled retention runs (Vigil:Retention:IntervalMinutes) and ledger stream delivery (Vigil:Stream).</summary>
    public static IServiceCollection AddEvidenceWorkers(this IServiceCollection services)
    {
        services.AddHostedService<RetentionWorker>();
        services.AddHostedService<LedgerStreamWorker>();
        return services;
    }
}
