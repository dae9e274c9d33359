using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Pipeline.Jobs;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Recommend;
using Vigil.Pipeline.Recommend.Learning;

namespace Vigil.Hosting;

internal static class RecommendHosting
{
    /// <summary>
    /// The durable job worker that runs case.recommend (and any other registered job kind; see <see cref="JobWorkerService"/>),
    /// the recommender as configured (<c>Vigil:Ai</c>), and the learned disposition model from
    /// <c>Vigil:Recommend:ModelDirectory</c> (default <c>models/</c> in the data directory), once <c>vigil model train</c> wrote one.
    /// </summary>
    public static IServiceCollection AddRecommend(this IServiceCollection services, StoreLocation store)
    {
        services.TryAddSingleton(new JobWorkerOptions());
        services.TryAddSingleton<JobWorker>();
        services.AddHostedService<JobWorkerService>();
        services.TryAddSingleton<IDispositionModel>(provider => new MlDispositionModel(
            provider.GetRequiredService<IConfiguration>()["Vigil:Recommend:ModelDirectory"]
                ?? Path.Combine(Path.GetFullPath(store.DataDirectory ?? "vigil-data"), "models")));
        services.AddConfiguredRecommender();
        return services;
    }
}
