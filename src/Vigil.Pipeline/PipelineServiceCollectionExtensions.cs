using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Pipeline.Access;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Enrich;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline;

public static class PipelineServiceCollectionExtensions
{
    /// <summary>The pipeline's stages. The store (<c>IVigilStore</c>) is registered by the storage layer.</summary>
    public static IServiceCollection AddVigilPipeline(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new SubmissionLimits());
        // Grouping into cases by shared entities, per content/policy/grouping.yaml or the data directory's override.
        services.TryAddSingleton(provider => GroupingPolicyLoader.LoadFor(provider.GetService<StoreLocation>()?.EffectiveDataDirectory));
        services.TryAddSingleton<ICaseAssigner, EntityGroupingAssigner>();
        services.AddSingleton<CorrelationViews>();
        services.AddSingleton<AlertSubmissionParser>();
        services.AddSingleton<AlertIngestor>();
        services.AddVigilEnrichment();
        services.AddSingleton<DeadLetterService>();
        // Vigil:Mappings:Directory adds mappings to the shipped ones, or replaces them by source name.
        services.TryAddSingleton(provider => Normalize.MappingCatalog.Load(provider.GetService<IConfiguration>()?["Vigil:Mappings:Directory"]));
        services.AddSingleton<SourceHealth>();
        // Vigil:Ingest:Sources:NAME: per-source fingerprint fields, storm roll-up and push rate limits.
        services.TryAddSingleton(provider => SourcePolicies.From(provider.GetService<IConfiguration>()));
        services.TryAddSingleton<AlertStorms>();
        services.AddSingleton<EventIngestor>();
        services.AddSingleton<DeadLetterReplayer>();
        // Reported phishing mail (IMAP poller and .eml files alike).
        services.TryAddSingleton(new Ingest.Mail.MailLimits());
        services.TryAddSingleton(provider => new Ingest.Mail.MailReportParser(provider.GetRequiredService<Ingest.Mail.MailLimits>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<Ingest.Mail.MailReportIngestor>();
        services.AddSingleton<CaseService>();
        services.AddSingleton<LedgerAuditor>();
        services.AddEvidence();
        services.AddSingleton<ApiKeyService>();
        services.AddDataProtection();
        services.AddAccountOptions();
        services.AddSingleton<UserService>();
        // Recommend: the built-in analyst and the durable case.recommend job.
        Recommend.RecommendServiceCollectionExtensions.AddVigilRecommend(services);
        return services;
    }
}
