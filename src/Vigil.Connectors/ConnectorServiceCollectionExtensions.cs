using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Ports;

namespace Vigil.Connectors;

public static class ConnectorServiceCollectionExtensions
{
    /// <summary>
    /// Connectors and what they share: the guarded HTTP clients and their health, encrypted secrets (Data Protection
    /// with its key ring in the store), and every vendor connector as an <c>IActionConnector</c>. The store
    /// (<see cref="IVigilStore"/>) and configuration come from the host.
    /// </summary>
    public static IServiceCollection AddVigilConnectors(this IServiceCollection services, StoreLocation location)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ConnectorHealth>();
        services.TryAddSingleton(provider => new ConnectorClients(
            provider.GetService<IConfiguration>(), provider.GetRequiredService<ConnectorHealth>(), provider.GetRequiredService<TimeProvider>(), provider.GetService<ILoggerFactory>()));

        // Secrets: Data Protection keys live in the store, encrypted under a key kept outside it.
        services.TryAddSingleton(provider => new KeyEncryptionKey(provider.GetService<IConfiguration>(), location));
        services.AddDataProtection().SetApplicationName("Vigil");
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider => new ConfigureOptions<KeyManagementOptions>(options =>
        {
            options.XmlRepository = new StoreXmlRepository(provider.GetRequiredService<IVigilStore>(), provider.GetRequiredService<TimeProvider>());
            options.XmlEncryptor = new AesGcmXmlEncryptor(provider.GetRequiredService<KeyEncryptionKey>());
        }));
        services.TryAddSingleton<ConnectorSecrets>();
        return services;
    }
}
