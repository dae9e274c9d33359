using System.Globalization;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence.Stream;

/// <summary>
/// Delivers ledger entries to webhook receivers, at least once and in order per chain. Each receiver has a durable
/// cursor per chain; a batch is sent under the receiver's lease (one node at a time), and the cursors move only after
/// a 2xx, in one transaction with the delivery count. A crash between the receiver's 2xx and that commit sends the
/// batch again, so every entry carries <c>entry_id</c> (<c>chain:seq</c>) for the receiver to deduplicate on. A failure
/// backs off exponentially (2^attempts seconds, capped) and the same entries are sent again, never skipped.
/// Body: <c>{"receiver", "entries": [...]}</c>; headers <c>X-Vigil-Timestamp</c> (Unix seconds) and
/// <c>X-Vigil-Signature: sha256=HEX(HMAC-SHA256(secret, timestamp + "." + body))</c>.
/// </summary>
public sealed class LedgerStreamer(IVigilStore store, HttpClient http, TimeProvider time)
{
    public const string SignatureHeader = "X-Vigil-Signature";
    public const string TimestampHeader = "X-Vigil-Timestamp";

    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    /// <summary>The longest wait between attempts.</summary>
    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(5);

    public async Task<StreamDelivery> DeliverOnceAsync(StreamReceiverOptions receiver, string owner, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using (var claim = await store.BeginAsync(cancellationToken))
        {
            if (!await claim.ClaimStreamReceiverAsync(receiver.Name, owner, now, now + Lease, cancellationToken))
            {
                return new StreamDelivery(receiver.Name, StreamDeliveryStatus.Busy, 0, null);
            }

            await claim.CommitAsync(cancellationToken);
        }

        var batch = await BatchAsync(receiver, cancellationToken);
        if (batch.Count == 0)
        {
            await CommitAsync(tx => tx.RecordStreamDeliveryAsync(receiver.Name, 0, now, cancellationToken), cancellationToken);
            return new StreamDelivery(receiver.Name, StreamDeliveryStatus.UpToDate, 0, null);
        }

        var error = await PostAsync(receiver, batch, cancellationToken);
        var at = time.GetUtcNow();
        if (error is not null)
        {
            var attempts = ((await store.GetStreamReceiverAsync(receiver.Name, cancellationToken))?.Attempts ?? 0) + 1;
            var wait = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts, 20)), MaxBackoff.TotalSeconds));
            await CommitAsync(tx => tx.RecordStreamFailureAsync(receiver.Name, error, at + wait, cancellationToken), cancellationToken);
            return new StreamDelivery(receiver.Name, StreamDeliveryStatus.Failed, batch.Count, error);
        }

        await CommitAsync(
            async tx =>
            {
                foreach (var chain in batch.GroupBy(e => e.ChainId, StringComparer.Ordinal))
                {
                    await tx.AdvanceStreamCursorAsync(receiver.Name, chain.Key, chain.Max(e => e.Seq), cancellationToken);
                }

                await tx.RecordStreamDeliveryAsync(receiver.Name, batch.Count, at, cancellationToken);
            },
            cancellationToken);
        return new StreamDelivery(receiver.Name, StreamDeliveryStatus.Delivered, batch.Count, null);
    }

    /// <summary>Delivers until the receiver is up to date, busy or failing; returns every attempt's outcome.</summary>
    public async Task<IReadOnlyList<StreamDelivery>> DrainAsync(StreamReceiverOptions receiver, string owner, CancellationToken cancellationToken)
    {
        var outcomes = new List<StreamDelivery>();
        StreamDelivery outcome;
        do
        {
            outcome = await DeliverOnceAsync(receiver, owner, cancellationToken);
            outcomes.Add(outcome);
        }
        while (outcome.Status == StreamDeliveryStatus.Delivered);
        return outcomes;
    }

    public async Task<StreamReceiverStatus> StatusAsync(StreamReceiverOptions receiver, CancellationToken cancellationToken) => new(
        receiver.Name,
        receiver.Url.GetLeftPart(UriPartial.Path),
        await store.GetStreamLagAsync(receiver.Name, cancellationToken),
        await store.GetStreamReceiverAsync(receiver.Name, cancellationToken));

    public static string Sign(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        var message = new byte[Encoding.ASCII.GetByteCount(timestamp) + 1 + body.Length];
        var written = Encoding.ASCII.GetBytes(timestamp, message);
        message[written] = (byte)'.';
        body.CopyTo(message.AsSpan(written + 1));
        return "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message));
    }

    private async Task<List<LedgerEntry>> BatchAsync(StreamReceiverOptions receiver, CancellationToken cancellationToken)
    {
        var batch = new List<LedgerEntry>();
        foreach (var backlog in await store.ListStreamBacklogAsync(receiver.Name, receiver.BatchSize, cancellationToken))
        {
            // A chain's entries go out contiguously from the cursor, so the receiver never sees seq n+1 before n.
            foreach (var entry in await store.ReadLedgerAsync(backlog.ChainId, cancellationToken))
            {
                if (entry.Seq > backlog.Cursor && batch.Count < receiver.BatchSize)
                {
                    batch.Add(entry);
                }
            }

            if (batch.Count >= receiver.BatchSize)
            {
                break;
            }
        }

        return batch;
    }

    private async Task<string?> PostAsync(StreamReceiverOptions receiver, List<LedgerEntry> batch, CancellationToken cancellationToken)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(new
        {
            receiver = receiver.Name,
            entries = batch.Select(e => new
            {
                entry_id = string.Create(CultureInfo.InvariantCulture, $"{e.ChainId}:{e.Seq}"),
                chain_id = e.ChainId,
                seq = e.Seq,
                kind = e.Kind,
                actor = e.Actor.ToString(),
                at = LedgerHasher.FormatTime(e.At),
                payload = e.Payload,
                prev_hash = e.PrevHash,
                hash = e.Hash,
            }),
        });
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        using var request = new HttpRequestMessage(HttpMethod.Post, receiver.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Add(TimestampHeader, timestamp);
        request.Headers.Add(SignatureHeader, Sign(receiver.Secret, timestamp, body));
        try
        {
            using var response = await http.SendAsync(request, cancellationToken);
            return response.IsSuccessStatusCode ? null : string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
        }
        catch (HttpRequestException exception)
        {
            return exception.Message;
        }
        catch (TaskCanceledException exception) when (!cancellationToken.IsCancellationRequested)
        {
            return $"timed out: {exception.Message}";
        }
    }

    private async Task CommitAsync(Func<IStoreTransaction, Task> work, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        await work(transaction);
        await transaction.CommitAsync(cancellationToken);
    }
}
