using System.Text;
using Vigil.Detection.Engine;
using Vigil.Domain.Alerts;
using Vigil.Domain.Events;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Detect;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Hunt;

/// <summary>
/// The whole pipeline over log files, no server: each event is normalised (entities, event time) where a source
/// mapping recognises it, run through the Sigma rules, and every match becomes an alert that is stored and grouped
/// into cases exactly as ingest does (same <see cref="AlertIngestor"/>, same grouping policy, same ledger). Alerts go
/// in event-time order, so grouping's lookback sees the bundle as it happened.
/// </summary>
public sealed class HuntRunner(SigmaEngine engine, MappingCatalog mappings, AlertIngestor ingestor, IVigilStore store, CorrelationViews views, TimeProvider time)
{
    /// <summary>Alerts per ingest transaction.</summary>
    public const int Batch = 500;

    /// <summary>Similar closed cases listed per hunted case.</summary>
    public const int SimilarPerCase = 5;

    private const int MaxUnreadableListed = 100;

    public async Task<HuntReport> RunAsync(IReadOnlyList<string> files, Actor actor, CancellationToken cancellationToken)
    {
        var drafts = new List<AlertDraft>();
        var unreadable = new List<string>();
        long events = 0, normalized = 0, matches = 0;
        var found = new List<SigmaMatch>();
        var now = time.GetUtcNow();
        foreach (var file in files)
        {
            await using var stream = File.OpenRead(file);
            await foreach (var item in Normalize.JsonEventReader.ReadAsync(stream, cancellationToken))
            {
                events++;
                if (item.Element is not { } element)
                {
                    if (unreadable.Count < MaxUnreadableListed)
                    {
                        unreadable.Add($"{file}, line {item.Line}: {item.Error}");
                    }

                    continue;
                }

                var result = mappings.Normalize(MappingCatalog.Auto, element, item.Raw, validate: false);
                NormalizedEvent? normal = result.Succeeded ? result.Event : null;
                normalized += normal is null ? 0 : 1;
                foreach (var sigmaEvent in Detection.Events.JsonEventReader.ReadAll(Encoding.UTF8.GetBytes(item.Raw), file))
                {
                    found.Clear();
                    engine.Evaluate(sigmaEvent, found);
                    foreach (var match in found)
                    {
                        matches++;
                        drafts.Add(SigmaAlerts.ToDraft(match, item.Raw, normal, now));
                    }
                }
            }
        }

        // Stable: alerts of one event keep the rule order the engine gave.
        var ordered = drafts.Select((draft, index) => (draft, index)).OrderBy(p => p.draft.OccurredAt).ThenBy(p => p.index).Select(p => p.draft).ToList();
        var caseIds = new List<string>();
        int stored = 0, deduplicated = 0;
        for (var start = 0; start < ordered.Count; start += Batch)
        {
            var outcomes = await ingestor.IngestAsync(ordered.GetRange(start, Math.Min(Batch, ordered.Count - start)), actor, cancellationToken);
            foreach (var outcome in outcomes)
            {
                stored += outcome.Created ? 1 : 0;
                deduplicated += outcome.Created ? 0 : 1;
                if (outcome.CaseId is { } caseId && !caseIds.Contains(caseId))
                {
                    caseIds.Add(caseId);
                }
            }
        }

        return new HuntReport
        {
            Files = files.Count,
            EventsRead = events,
            EventsNormalized = normalized,
            Unreadable = unreadable,
            Matches = matches,
            AlertsStored = stored,
            AlertsDeduplicated = deduplicated,
            Cases = await DescribeAsync(caseIds, cancellationToken),
        };
    }

    private async Task<List<HuntCase>> DescribeAsync(List<string> caseIds, CancellationToken cancellationToken)
    {
        var cases = new List<HuntCase>(caseIds.Count);
        foreach (var caseId in caseIds)
        {
            if (await store.GetCaseAsync(caseId, cancellationToken) is not { } found
                || await views.TimelineAsync(caseId, cancellationToken) is not { } timeline)
            {
                continue;
            }

            var links = await store.GetCaseAlertLinksAsync(caseId, cancellationToken);
            cases.Add(new HuntCase(
                found,
                await store.GetCaseEntitiesAsync(caseId, cancellationToken),
                timeline,
                [.. links.Select(l => l.Reason).Distinct(StringComparer.Ordinal)],
                await views.SimilarAsync(caseId, SimilarPerCase, cancellationToken) ?? []));
        }

        // Worst first, then in the order they began.
        return [.. cases.OrderByDescending(c => c.Case.Severity).ThenBy(c => c.Timeline.Entries.Count > 0 ? c.Timeline.Entries[0].At : c.Case.OpenedAt)];
    }
}
