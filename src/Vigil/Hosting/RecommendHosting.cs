using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Pipeline.Jobs;

namespace Vigil.Hosting;

internal static class RecommendHosting
{
    /// <summary>The durable job worker that runs case.recommend (and any other registered job kind); see <see cref="JobWorkerService"/>.</summary>
    public static IServiceCollection AddRecommendWorker(this IServiceCollection services)
    {
        services.TryAddSingleton(new JobWorkerOptions());
        services.TryAddSingleton<JobWorker>();
        services.AddHostedService<JobWorkerService>();
        return services;
    }
}
