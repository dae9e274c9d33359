using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Vendors;

/// <summary>
/// What every HTTP vendor connector shares: the action-type check, simulation (the requests described, nothing sent),
/// and configuration or input problems turned into failed results rather than exceptions.
/// </summary>
public abstract class HttpActionConnector(ConnectorClients clients, ConnectorSecrets secrets) : IActionConnector
{
    public abstract string Name { get; }

    public abstract IReadOnlyList<string> ActionTypes { get; }

    protected ConnectorSecrets Secrets => secrets;

    protected ConnectorOptions Options => clients.Options(Name);

    protected ConnectorClient Client => clients.For(Name);

    public async Task<ConnectorResult> ExecuteAsync(ConnectorCall call, CancellationToken cancellationToken)
    {
        if (!ActionTypes.Contains(call.ActionType, StringComparer.Ordinal))
        {
            return ConnectorResults.Failed($"connector {Name} does not carry out {call.ActionType} (it does {string.Join(", ", ActionTypes)})");
        }

        try
        {
            return call.Simulate
                ? ConnectorResults.Simulated(await DescribeAsync(call, cancellationToken))
                : await RunAsync(call, cancellationToken);
        }
        catch (ConnectorConfigurationException ex)
        {
            return ConnectorResults.Failed($"{Name}: {ex.Message}");
        }
        catch (ConnectorInputException ex)
        {
            return ConnectorResults.Failed($"{Name}: {ex.Message}");
        }
    }

    /// <summary>Carries the call out against the vendor.</summary>
    protected abstract Task<ConnectorResult> RunAsync(ConnectorCall call, CancellationToken cancellationToken);

    /// <summary>The requests <see cref="RunAsync"/> would send, built without any network call or credential.</summary>
    protected abstract Task<IReadOnlyList<OutboundRequest>> DescribeAsync(ConnectorCall call, CancellationToken cancellationToken);

    protected Uri Url(string relative) => new(Options.RequireBaseUrl(), relative);
}
