namespace Vigil.Pipeline.Evidence.Stream;

/// <summary>One ledger-stream receiver (Vigil:Stream:Receivers:NAME): where to POST, and the HMAC key that signs each body.</summary>
public sealed record StreamReceiverOptions
{
    public required string Name { get; init; }

    public required Uri Url { get; init; }

    /// <summary>HMAC-SHA256 key; the receiver checks <c>X-Vigil-Signature</c> with it.</summary>
    public required string Secret { get; init; }

    /// <summary>Most entries per delivery.</summary>
    public int BatchSize { get; init; } = 100;
}
