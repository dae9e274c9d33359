using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence.Stream;

/// <summary>A configured receiver, its delivery state and its lag (ledger entries not yet acknowledged).</summary>
public sealed record StreamReceiverStatus(string Receiver, string Url, long Lag, StreamReceiverState? State);
