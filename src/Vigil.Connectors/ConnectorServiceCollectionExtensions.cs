using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Connectors.Vendors;
using Vigil.Connectors.Vendors.Aws;
using Vigil.Connectors.Vendors.Blocklist;
using Vigil.Connectors.Vendors.CrowdStrike;
using Vigil.Connectors.Vendors.Defender;
using Vigil.Connectors.Vendors.Graph;
using Vigil.Connectors.Vendors.Jira;
using Vigil.Connectors.Vendors.Manifest;
using Vigil.Connectors.Vendors.Okta;
using Vigil.Connectors.Vendors.ServiceNow;
using Vigil.Connectors.Vendors.Slack;
using Vigil.Connectors.Vendors.Smtp;
using Vigil.Connectors.Vendors.Teams;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Connectors and what they share: the guarded HTTP clients and their health, encrypted secrets (Data Protection
    /// with its key ring in the store), and every connector as an <see cref="IActionConnector"/> (ticketing ones also as
    /// <see cref="ITicketStatusReader"/>), coded vendors first, then manifests (shipped, and those in
    /// <c>Vigil:Connectors:ManifestDirectory</c>). The store (<see cref="IVigilStore"/>) comes from the host.
    /// </summary>
    public static IServiceCollection AddVigilConnectors(this IServiceCollection services, StoreLocation location, IConfiguration? configuration = null)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectorHealth>();
        services.TryAddSingleton(provider => new ConnectorClients(
            provider.GetService<IConfiguration>(), provider.GetRequiredService<ConnectorHealth>(), provider.GetRequiredService<TimeProvider>(), provider.GetService<ILoggerFactory>()));
        services.TryAddSingleton<OAuthClientCredentials>();

        // Secrets: Data Protection keys live in the store, encrypted under a key kept outside it.
        services.TryAddSingleton(provider => new KeyEncryptionKey(provider.GetService<IConfiguration>(), location));
        services.AddDataProtection().SetApplicationName("Vigil");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new StoreXmlRepository(provider.GetRequiredService<IVigilStore>(), provider.GetRequiredService<TimeProvider>());
            options.XmlEncryptor = new AesGcmXmlEncryptor(provider.GetRequiredService<KeyEncryptionKey>());
        }));
        services.TryAddSingleton<ConnectorSecrets>();

        // Vendors.
        Add<JiraConnector>(services, ticketing: true);
        Add<ServiceNowConnector>(services, ticketing: true);
        Add<SlackConnector>(services);
        Add<TeamsConnector>(services);
        Add<SmtpConnector>(services);
        Add<OktaConnector>(services);
        Add<GraphConnector>(services);
        Add<CrowdStrikeConnector>(services);
        Add<DefenderConnector>(services);
        Add<AwsIamConnector>(services);
        Add<BlocklistConnector>(services);
        foreach (var manifest in ManifestLoader.LoadAll(configuration?[$"{ConnectorOptions.Section}:ManifestDirectory"]))
        {
            services.AddSingleton<IActionConnector>(provider =>
                new ManifestConnector(manifest, provider.GetRequiredService<ConnectorClients>(), provider.GetRequiredService<ConnectorSecrets>()));
        }

        services.TryAddSingleton<ConnectorDirectory>();
        return services;
    }

    private static void Add<T>(IServiceCollection services, bool ticketing = false)
        where T : class, IActionConnector
    {
        services.TryAddSingleton<T>();
        services.AddSingleton<IActionConnector>(provider => provider.GetRequiredService<T>());
        if (ticketing)
        {
            services.AddSingleton(provider => (ITicketStatusReader)provider.GetRequiredService<T>());
        }
    }
}
