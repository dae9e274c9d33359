using System.ComponentModel.DataAnnotations;
using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Connectors.Pull;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ingest.Pull;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;

namespace Vigil.Listeners;

internal static class PollerServiceCollectionExtensions
{
    /// <summary>
    /// Pull connectors: one generic HTTP JSON poller per <c>Vigil:Pollers:NAME</c> section, the runner with its durable
    /// checkpoints, and the background service that schedules them (idle when none is configured).
    /// </summary>
    public static IServiceCollection AddPollers(this IServiceCollection services)
    {
        // Solo: one process owns the SQLite store, so a restarted server is the same owner and resumes at once instead of
        // waiting for its previous life's lease to lapse. Clustered: every process is its own owner.
        services.AddSingleton(provider => provider.GetRequiredService<IVigilStore>().Mode == StoreMode.Solo
            ? new PullRunnerOptions { OwnerId = $"solo/{Environment.MachineName}" }
            : new PullRunnerOptions());
        services.AddSingleton(provider => new PullRunner(
            provider.GetRequiredService<IVigilStore>(),
            provider.GetRequiredService<EventIngestor>(),
            provider.GetRequiredService<PullRunnerOptions>(),
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILogger<PullRunner>>()));
        services.AddSingleton(provider => new PullSources(Build(provider.GetRequiredService<IConfiguration>(), provider.GetRequiredService<MappingCatalog>())));
        services.AddHostedService<PollerService>();
        return services;
    }

    private static List<IPullSource> Build(IConfiguration configuration, MappingCatalog catalog)
    {
        var sources = new List<IPullSource>();
        foreach (var section in configuration.GetSection(HttpJsonPollerOptions.Section).GetChildren())
        {
            var options = section.Get<HttpJsonPollerOptions>() ?? new HttpJsonPollerOptions();
            if (!options.Enabled)
            {
                continue;
            }

            Validator.ValidateObject(options, new ValidationContext(options), validateAllProperties: true);
            if (options.Source != MappingCatalog.Auto && !catalog.TryGet(options.Source, out _))
            {
                throw new InvalidOperationException($"poller '{section.Key}': there is no mapping '{options.Source}'");
            }

            // No redirects: a redirect is a second destination nobody configured.
            var handler = new SocketsHttpHandler { AllowAutoRedirect = false, AutomaticDecompression = DecompressionMethods.All };
            sources.Add(new HttpJsonPullSource(section.Key, options, new HttpClient(handler) { Timeout = Timeout.InfiniteTimeSpan }));
        }

        return sources;
    }
}
