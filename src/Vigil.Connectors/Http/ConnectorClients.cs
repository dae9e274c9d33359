using System.Collections.Concurrent;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Vigil.Connectors.Http;

/// <summary>One <see cref="ConnectorClient"/> per connector name, configured from <c>Vigil:Connectors:&lt;name&gt;</c>.</summary>
public sealed class ConnectorClients(IConfiguration? configuration, ConnectorHealth health, TimeProvider time, ILoggerFactory? loggers = null) : IDisposable
{
    private readonly ConcurrentDictionary<string, Lazy<ConnectorClient>> _clients = new(StringComparer.Ordinal);
    private readonly ILogger _logger = (loggers ?? NullLoggerFactory.Instance).CreateLogger("Vigil.Connectors");

    public ConnectorHealth Health => health;

    public ConnectorOptions Options(string connector) => ConnectorOptions.From(connector, configuration);

    public ConnectorClient For(string connector) =>
        _clients.GetOrAdd(connector, name => new Lazy<ConnectorClient>(() => new ConnectorClient(Options(name), health, time, _logger))).Value;

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            if (client.IsValueCreated)
            {
                client.Value.Dispose();
            }
        }
    }
}
