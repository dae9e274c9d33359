using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Vigil.Pipeline.Jobs;

namespace Vigil.Hosting;

internal static class JobsServiceCollectionExtensions
{
    public const string Section = "Vigil:Jobs";

    /// <summary>
    /// The durable job worker (enrichment and every other <see cref="IJobHandler"/>). <c>Vigil:Jobs:Enabled=false</c>
    /// keeps it from polling, for a node that should only serve the API (or a test that runs jobs itself with
    /// <see cref="JobWorker.RunOnceAsync"/>); <c>Vigil:Jobs:PollMilliseconds</c> and <c>…:BatchSize</c> tune it.
    /// </summary>
    public static IServiceCollection AddVigilJobs(this IServiceCollection services)
    {
        services.AddSingleton(provider =>
        {
            var section = provider.GetRequiredService<IConfiguration>().GetSection(Section);
            var defaults = new JobWorkerOptions();
            return new JobWorkerOptions
            {
                Enabled = section.GetValue("Enabled", true),
                PollInterval = TimeSpan.FromMilliseconds(section.GetValue("PollMilliseconds", defaults.PollInterval.TotalMilliseconds)),
                BatchSize = section.GetValue("BatchSize", defaults.BatchSize),
            };
        });
        services.AddSingleton<JobWorker>();
        services.AddSingleton<IHostedService>(provider => provider.GetRequiredService<JobWorker>());
        return services;
    }
}
