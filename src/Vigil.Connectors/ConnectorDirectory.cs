using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors;

/// <summary>Every registered connector with its configuration, secret names and health, for the API and the CLI.</summary>
public sealed class ConnectorDirectory(IEnumerable<IActionConnector> connectors, ConnectorClients clients, ConnectorSecrets secrets)
{
    public IReadOnlyList<IActionConnector> Connectors { get; } = [.. connectors.OrderBy(c => c.Name, StringComparer.Ordinal)];

    public IActionConnector? Find(string name) => Connectors.FirstOrDefault(c => c.Name == name);

    public async Task<IReadOnlyList<ConnectorView>> ListAsync(CancellationToken cancellationToken)
    {
        var set = (await secrets.ListAsync(cancellationToken)).ToLookup(s => s.Connector, s => s.Name, StringComparer.Ordinal);
        return [.. Connectors.Select(connector =>
        {
            ConnectorOptions? options;
            try
            {
                options = clients.Options(connector.Name);
            }
            catch (ConnectorConfigurationException)
            {
                options = null;
            }

            return new ConnectorView
            {
                Name = connector.Name,
                ActionTypes = connector.ActionTypes,
                BaseUrl = options?.BaseUrl?.ToString() ?? options?.Get("Host"),
                SecretsSet = [.. set[connector.Name].Order(StringComparer.Ordinal)],
                Health = clients.Health.Get(connector.Name),
            };
        })];
    }
}
