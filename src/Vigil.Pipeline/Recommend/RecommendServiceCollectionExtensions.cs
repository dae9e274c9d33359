using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Pipeline.Jobs;
using Vigil.Pipeline.Respond;

namespace Vigil.Pipeline.Recommend;

public static class RecommendServiceCollectionExtensions
{
    /// <summary>The recommend stage: built-in analyst, optional learned model and AI analyst (registered by the host), and the job handler.</summary>
    public static IServiceCollection AddVigilRecommend(this IServiceCollection services)
    {
        services.TryAddSingleton(_ => ActionCatalogueLoader.LoadDefault());
        services.TryAddSingleton<BuiltInAnalyst>();
        services.TryAddSingleton(provider => new Recommender(
            provider.GetRequiredService<BuiltInAnalyst>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetService<IDispositionModel>(),
            provider.GetService<IAiAnalyst>()));
        services.TryAddSingleton<DossierLoader>();
        services.TryAddSingleton<RecommendationService>();
        services.TryAddSingleton<Learning.TrainingSet>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IJobHandler, RecommendJobHandler>());
        return services;
    }
}
