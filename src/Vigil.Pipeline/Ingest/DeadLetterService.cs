using Vigil.Domain;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Ingest;

/// <summary>
/// Keeps rejected input with its reason, and replays it through the same parser once the cause is fixed.
/// A replay that fails again stays pending with the new reason; nothing is ever dropped.
/// </summary>
public sealed class DeadLetterService(IVigilStore store, AlertSubmissionParser parser, AlertIngestor ingestor, TimeProvider time)
{
    /// <summary>Bodies larger than this are kept truncated, with the original size in the reason.</summary>
    public const int MaxStoredPayloadBytes = 4 * 1024 * 1024;

    public async Task<DeadLetter> RecordAsync(string source, string payload, string reason, string? contentType, CancellationToken cancellationToken)
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
        };
        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.InsertDeadLetterAsync(letter, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return letter;
    }

    public async Task<DeadLetterReplay> ReplayAsync(string id, Actor actor, CancellationToken cancellationToken)
    {
        var letter = await store.GetDeadLetterAsync(id, cancellationToken);
        if (letter is null)
        {
            return DeadLetterReplay.NotFound(id);
        }

        if (letter.Status != DeadLetterStatus.Pending)
        {
            return DeadLetterReplay.Refused(letter, $"already {letter.Status.ToString().ToLowerInvariant()}");
        }

        var submission = parser.Parse(System.Text.Encoding.UTF8.GetBytes(letter.Payload));
        var now = time.GetUtcNow();
        if (!submission.IsValid)
        {
            var still = letter with { Reason = string.Join("; ", submission.Errors) };
            await using var failed = await store.BeginAsync(cancellationToken);
            await failed.UpdateDeadLetterAsync(still, cancellationToken);
            await failed.CommitAsync(cancellationToken);
            return DeadLetterReplay.Refused(still, still.Reason);
        }

        // Ingest and resolution commit separately; a crash between them leaves the letter pending, and replaying it
        // again is harmless because alerts are deduplicated by fingerprint.
        var outcomes = await ingestor.IngestAsync(submission.Drafts, actor, cancellationToken);
        var resolved = letter with { Status = DeadLetterStatus.Replayed, ResolvedAt = now, Resolution = $"replayed by {actor}: {outcomes.Count} alert(s)" };
        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.UpdateDeadLetterAsync(resolved, cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.DeadLetterReplayed, actor, now, LedgerPayload.From(new
        {
            dead_letter_id = letter.Id,
            source = letter.Source,
            alert_ids = outcomes.Select(o => o.AlertId).ToArray(),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DeadLetterReplay.Done(resolved, outcomes);
    }
}
