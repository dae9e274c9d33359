using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Vigil.Pipeline.Ingest.Mail;

namespace Vigil.Listeners;

internal static class MailboxServiceCollectionExtensions
{
    /// <summary>The phishing-mailbox channel: parser, ingestor, health, and the IMAP poller (idle unless Vigil:Mailbox:Host is set).</summary>
    public static IServiceCollection AddMailboxPoller(this IServiceCollection services)
    {
        services.TryAddSingleton(new MailLimits());
        services.TryAddSingleton<MailReportParser>(provider => new MailReportParser(provider.GetRequiredService<MailLimits>(), provider.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<MailReportIngestor>();
        services.TryAddSingleton<MailboxHealth>();
        services.AddOptions<MailboxOptions>().BindConfiguration(MailboxOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<MailboxPoller>();
        return services;
    }
}
