using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence;

public static class EvidenceServiceCollectionExtensions
{
    /// <summary>Evidence packages and their signing key, bulk exports, control and leadership reports.</summary>
    public static IServiceCollection AddEvidence(this IServiceCollection services)
    {
        services.AddSingleton<EvidenceKeyring>();
        services.AddSingleton<EvidenceExporter>();
        services.AddSingleton<BulkExporter>();
        // Framework mappings: the shipped ones, replaced or extended by files in Vigil:Frameworks:Directory.
        services.TryAddSingleton(provider => Controls.FrameworkCatalog.Load(provider.GetService<IConfiguration>()?["Vigil:Frameworks:Directory"]));
        services.TryAddSingleton(_ => Respond.ActionCatalogueLoader.LoadDefault());
        services.AddSingleton<Controls.ControlReporter>();
        services.AddSingleton<Learn.LearningService>();
        services.AddSingleton(provider => new Leadership.LeadershipReporter(provider.GetRequiredService<IVigilStore>(), provider.GetRequiredService<TimeProvider>())
        {
            MinutesPerAutomatedAction = double.TryParse(provider.GetService<IConfiguration>()?["Vigil:Reports:MinutesPerAutomatedAction"], System.Globalization.CultureInfo.InvariantCulture, out var minutes) ? minutes : 15,
        });
        services.AddSingleton(provider => new Artefacts.ArtefactService(provider.GetRequiredService<IVigilStore>(), provider.GetRequiredService<TimeProvider>())
        {
            MaxBytes = long.TryParse(provider.GetService<IConfiguration>()?["Vigil:Artefacts:MaxBytes"], System.Globalization.CultureInfo.InvariantCulture, out var bytes) && bytes > 0
                ? bytes
                : Artefacts.ArtefactService.DefaultMaxBytes,
        });
        // Retention: the shipped policy (content/policy/retention.yaml) unless Vigil:Retention:PolicyFile names another.
        services.TryAddSingleton(provider => Retention.RetentionPolicy.Load(provider.GetService<IConfiguration>()?["Vigil:Retention:PolicyFile"]));
        services.AddSingleton<Retention.RetentionService>();
        // Ledger stream: webhook receivers from Vigil:Stream:Receivers, delivered to by the host's worker or the CLI.
        services.TryAddSingleton(provider => Stream.StreamReceivers.From(provider.GetService<IConfiguration>()));
        services.TryAddSingleton(provider => new Stream.LedgerStreamer(
            provider.GetRequiredService<IVigilStore>(), new HttpClient { Timeout = TimeSpan.FromSeconds(30) }, provider.GetRequiredService<TimeProvider>()));
        return services;
    }
}
