using Vigil.Domain.Alerts;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Ingest;

/// <summary>
/// Turns raw vendor events into alerts: normalises each with its source mapping (or the detected one for
/// <c>auto</c>), stores every event that normalised as one batch in one transaction, and dead-letters each one that
/// did not with its position, reason and channel. Each source's <see cref="SourcePolicy"/> (fingerprint fields, storm
/// roll-up) is applied through <see cref="AlertStorms"/>. When this returns, alerts and dead letters alike are
/// committed, so a channel may acknowledge the batch.
/// </summary>
public sealed partial class EventIngestor(MappingCatalog catalog, AlertIngestor alerts, DeadLetterService deadLetters, SourceHealth health, AlertStorms? storms = null)
{
    /// <summary>Vendor events (HTTP push, files, pull connectors): dead letters are replayed through the mapping.</summary>
    public Task<EventIngestSummary> IngestAsync(
        string source, IReadOnlyList<RawJsonEvent> events, string origin, string contentType, Actor actor, CancellationToken cancellationToken) =>
        IngestAsync(DeadLetterChannels.Event, source, events, origin, contentType, actor, cancellationToken);

    /// <param name="channel">How the events arrived (<see cref="DeadLetterChannels"/>), kept with each dead letter so that replay takes the same path.</param>
    /// <param name="source">A mapping name, or <see cref="MappingCatalog.Auto"/> to recognise each event by its shape.</param>
    /// <param name="events">The events as read, with their position; malformed ones carry their parse error.</param>
    /// <param name="origin">Where the batch came from ("HTTP request", "syslog udp 10.0.0.5:514"), for dead-letter reasons.</param>
    /// <param name="contentType">Kept with each dead letter so that its payload can be read back.</param>
    public async Task<EventIngestSummary> IngestAsync(
        string channel, string source, IReadOnlyList<RawJsonEvent> events, string origin, string contentType, Actor actor, CancellationToken cancellationToken)
    {
        var batch = Normalize(source, events);
        IReadOnlyList<IngestOutcome> outcomes = batch.Drafts.Count == 0 ? [] : await alerts.IngestAsync(batch.Drafts, actor, cancellationToken);
        var created = 0;
        for (var i = 0; i < outcomes.Count; i++)
        {
            var isNew = outcomes[i].Created;
            created += isNew ? 1 : 0;
            health.Stored(batch.DraftSources[i], isNew ? 1 : 0, isNew ? 0 : 1);
        }

        var letterIds = new List<string>(batch.Failures.Count);
        foreach (var (item, failedSource, reason) in batch.Failures)
        {
            var position = item.Line > 0 ? $"{origin}, event {item.Index} (line {item.Line})" : $"{origin}, event {item.Index}";
            var letter = await deadLetters.RecordAsync(channel, failedSource, item.Raw, $"{position}: {reason}", contentType, cancellationToken);
            health.DeadLettered(failedSource, 1);
            letterIds.Add(letter.Id);
        }

        return new EventIngestSummary
        {
            Read = events.Count,
            Stored = created,
            Deduplicated = outcomes.Count - created,
            DeadLettered = letterIds.Count,
            Drifted = batch.Drifted,
            Alerts = outcomes,
            DeadLetterIds = letterIds,
        };
    }

    /// <summary>Normalises without storing anything, for ingest and for replay.</summary>
    /// <param name="count">Whether to count the events as received (and drifted) in <see cref="SourceHealth"/>; a replay was counted when it first arrived.</param>
    public NormalizedBatch Normalize(string source, IReadOnlyList<RawJsonEvent> events, bool count = true)
    {
        var drafts = new List<AlertDraft>(events.Count);
        var draftSources = new List<string>(events.Count);
        var failures = new List<NormalizeFailure>();
        var drifted = 0;
        foreach (var item in events)
        {
            var result = item.Element is { } element
                ? catalog.Normalize(source, element, item.Raw)
                : NormalizeResult.Failed(source, item.Error ?? "unreadable event");
            if (count)
            {
                health.Received(result.Source, 1);
            }

            if (!result.Drift.IsEmpty)
            {
                drifted++;
                if (count)
                {
                    health.Drifted(result.Source, 1);
                }
            }

            if (result.Succeeded)
            {
                // Storms are counted as events arrive; a replay was counted when it first arrived.
                var draft = ToDraft(result.Event!);
                drafts.Add(storms is null || !count ? draft : storms.Apply(result.Event!, draft));
                draftSources.Add(result.Source);
            }
            else
            {
                failures.Add(new NormalizeFailure(item, result.Source, result.Failure ?? "normalisation failed"));
            }
        }

        return new NormalizedBatch(drafts, draftSources, failures, drifted);
    }
}
