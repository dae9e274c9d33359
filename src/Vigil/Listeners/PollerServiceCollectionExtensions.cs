using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Vigil.Connectors.Http;
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
        services.AddSingleton(provider => new PullSources(Build(provider)));
        services.AddHostedService<PollerService>();
        return services;
    }

    private static List<IPullSource> Build(IServiceProvider provider)
    {
        var configuration = provider.GetRequiredService<IConfiguration>();
        var catalog = provider.GetRequiredService<MappingCatalog>();
        var logger = provider.GetRequiredService<ILoggerFactory>().CreateLogger("Vigil.Pollers");
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

            // Through the connectors' guarded client: the SSRF guard, no redirects, bounded reads, connector health.
            sources.Add(HttpJsonPullSource.Create(section.Key, options, provider.GetRequiredService<ConnectorHealth>(), provider.GetRequiredService<TimeProvider>(), logger));
        }

        return sources;
    }
}
