using System.Text;
using Vigil.Domain.Alerts;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ingest.Mail;
using Vigil.Pipeline.Ingest.Syslog;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Ingest;

/// <summary>
/// Sends a dead letter back through the path it came in by (<see cref="DeadLetter.Channel"/>): an alert submission
/// through the alert parser, a vendor event through its source's mapping, a syslog line through the syslog, CEF and
/// LEEF parsers and then the mapping, a mail through the mail parser and the phishing mapping. So a letter refused
/// because a mapping lacked a variant is accepted once the mapping is fixed. A replay that fails again stays pending
/// with the new reason; nothing is dropped.
/// </summary>
public sealed class DeadLetterReplayer(
    IVigilStore store, AlertSubmissionParser parser, AlertIngestor ingestor, EventIngestor events, MailReportIngestor mail, TimeProvider time)
{
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

        var (drafts, problem) = letter.Channel switch
        {
            DeadLetterChannels.Alert => ParseAlert(letter),
            DeadLetterChannels.Event => Map(letter.Source, await ReadJsonAsync(letter.Payload, cancellationToken)),
            DeadLetterChannels.Syslog => Map(letter.Source, [SyslogEvents.Read(1, letter.Payload, letter.ReceivedAt, "replay")]),
            DeadLetterChannels.Mail => ParseMail(letter),
            _ => ([], $"unknown channel '{letter.Channel}'"),
        };

        var now = time.GetUtcNow();
        if (problem is not null)
        {
            var still = letter with { Reason = $"replay at {now:u}: {problem}" };
            await using var failed = await store.BeginAsync(cancellationToken);
            await failed.UpdateDeadLetterAsync(still, cancellationToken);
            await failed.CommitAsync(cancellationToken);
            return DeadLetterReplay.Refused(still, problem);
        }

        // Ingest and resolution commit separately; a crash between them leaves the letter pending, and replaying it
        // again is harmless because alerts are deduplicated by fingerprint.
        var outcomes = await ingestor.IngestAsync(drafts, actor, cancellationToken);
        var resolved = letter with
        {
            Status = DeadLetterStatus.Replayed,
            ResolvedAt = now,
            Resolution = $"replayed by {actor} through the {letter.Channel} channel: {outcomes.Count} alert(s)",
        };
        await using var transaction = await store.BeginAsync(cancellationToken);
        await transaction.UpdateDeadLetterAsync(resolved, cancellationToken);
        await transaction.AppendLedgerAsync(LedgerChains.System, LedgerKinds.DeadLetterReplayed, actor, now, LedgerPayload.From(new
        {
            dead_letter_id = letter.Id,
            source = letter.Source,
            channel = letter.Channel,
            alert_ids = outcomes.Select(o => o.AlertId).ToArray(),
        }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return DeadLetterReplay.Done(resolved, outcomes);
    }

    private (IReadOnlyList<AlertDraft> Drafts, string? Problem) ParseAlert(DeadLetter letter)
    {
        var submission = parser.Parse(Encoding.UTF8.GetBytes(letter.Payload));
        return submission.IsValid ? (submission.Drafts, null) : ([], string.Join("; ", submission.Errors));
    }

    private (IReadOnlyList<AlertDraft> Drafts, string? Problem) ParseMail(DeadLetter letter)
    {
        var (documents, error) = mail.ReadEvents(Encoding.UTF8.GetBytes(letter.Payload), "replay");
        return error is null ? Map(PhishingReport.Source, documents) : ([], error);
    }

    /// <summary>All of the letter's events must map: a letter is replayed whole or stays pending whole.</summary>
    private (IReadOnlyList<AlertDraft> Drafts, string? Problem) Map(string source, IReadOnlyList<RawJsonEvent> read)
    {
        if (read.Count == 0)
        {
            return ([], "the payload holds no event");
        }

        var batch = events.Normalize(source, read, count: false);
        return batch.Failures.Count == 0
            ? (batch.Drafts, null)
            : ([], string.Join("; ", batch.Failures.Select(f => $"event {f.Event.Index}: {f.Reason}")));
    }

    private static async Task<IReadOnlyList<RawJsonEvent>> ReadJsonAsync(string payload, CancellationToken cancellationToken)
    {
        var read = new List<RawJsonEvent>();
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(payload), writable: false);
        await foreach (var item in JsonEventReader.ReadAsync(stream, cancellationToken))
        {
            read.Add(item);
        }

        return read;
    }
}
