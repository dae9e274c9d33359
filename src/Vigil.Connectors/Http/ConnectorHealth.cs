using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Http;

/// <summary>Per-connector call counts, last outcomes and latency on this node. Thread-safe; read by the API.</summary>
public sealed class ConnectorHealth
{
    private readonly Lock _lock = new();
    private readonly Dictionary<string, ConnectorHealthView> _byName = new(StringComparer.Ordinal);

    public void Record(string connector, ConnectorOutcome outcome, TimeSpan latency, string? error, DateTimeOffset at)
    {
        lock (_lock)
        {
            var view = _byName.TryGetValue(connector, out var existing) ? existing : new ConnectorHealthView { Name = connector };
            var ms = latency.TotalMilliseconds;
            view = view with
            {
                Calls = view.Calls + 1,
                Successes = view.Successes + (outcome == ConnectorOutcome.Succeeded ? 1 : 0),
                TransientFailures = view.TransientFailures + (outcome == ConnectorOutcome.Transient ? 1 : 0),
                Failures = view.Failures + (outcome == ConnectorOutcome.Failed ? 1 : 0),
                LastSuccessAt = outcome == ConnectorOutcome.Succeeded ? at : view.LastSuccessAt,
                LastFailureAt = outcome == ConnectorOutcome.Succeeded ? view.LastFailureAt : at,
                LastError = outcome == ConnectorOutcome.Succeeded ? view.LastError : error,
                LastLatencyMs = ms,
                MeanLatencyMs = view.MeanLatencyMs is { } mean ? (0.8 * mean) + (0.2 * ms) : ms,
            };
            _byName[connector] = view;
        }
    }

    public ConnectorHealthView Get(string connector)
    {
        lock (_lock)
        {
            return _byName.TryGetValue(connector, out var view) ? view : new ConnectorHealthView { Name = connector };
        }
    }
}
