using Vigil.Domain;
using Vigil.Domain.DeadLetters;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Ingest;

/// <summary>
/// Keeps rejected input with its reason and the channel it came in by, so that <see cref="DeadLetterReplayer"/> can
/// send it back through the same path once the cause is fixed. Nothing is ever dropped.
/// </summary>
public sealed class DeadLetterService(IVigilStore store, TimeProvider time)
{
    /// <summary>Bodies larger than this are kept truncated, with the original size in the reason.</summary>
    public const int MaxStoredPayloadBytes = 4 * 1024 * 1024;

    /// <param name="channel">One of <see cref="DeadLetterChannels"/>: which parser a replay must use.</param>
    public async Task<DeadLetter> RecordAsync(string channel, string source, string payload, string reason, string? contentType, CancellationToken cancellationToken)
    {
        if (payload.Length > MaxStoredPayloadBytes)
        {
            reason = $"{reason} (payload of {payload.Length} characters kept truncated to {MaxStoredPayloadBytes})";
            payload = payload[..MaxStoredPayloadBytes];
        }

        var now = time.GetUtcNow();
        var letter = new DeadLetter
        {
            Id = Ids.New(Ids.DeadLetter, now),
            Source = source,
            ReceivedAt = now,
            Reason = reason,
            Payload = payload,
            ContentType = contentType,
            Channel = channel,
        };
        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.InsertDeadLetterAsync(letter, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return letter;
    }
}
