using System.Threading.Channels;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Enrich;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Ingest;

/// <summary>
/// Stores alerts durably: each new alert is assigned to a case and the assignment is written to that case's ledger;
/// repeats count an occurrence. When <see cref="IngestAsync"/> returns, the alerts are committed, so callers
/// acknowledge only after it.
/// </summary>
/// <remarks>
/// Group commit: concurrent callers are queued and one writer stores everything waiting in one transaction. An
/// acknowledged write needs an fsync (SQLite synchronous=FULL, PostgreSQL commit), and on this class of disk one
/// costs ~4 ms, so one transaction per request caps single-alert ingest near 250/s whatever else is done; sharing
/// the commit among everyone who arrived while the previous one ran removes that ceiling without delaying a lone
/// caller. If a shared transaction fails, each request in it is retried alone so one bad request fails only itself.
/// </remarks>
public sealed class AlertIngestor(IVigilStore store, ICaseAssigner assigner, TimeProvider time, SlaPolicy? sla = null) : IAsyncDisposable
{
    /// <summary>Alerts one shared transaction takes at most, so a burst does not make one transaction unbounded.</summary>
    public const int MaxGroupAlerts = 5_000;

    private readonly SlaPolicy _sla = sla ?? SlaPolicy.Default;
    private readonly Channel<PendingIngest> _queue = Channel.CreateUnbounded<PendingIngest>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _startLock = new();
    private Task? _writer;

    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<AlertDraft> drafts, Actor actor, CancellationToken cancellationToken)
    {
        if (drafts.Count == 0)
        {
            return [];
        }

        var pending = new PendingIngest(drafts, actor, cancellationToken);
        EnsureWriter();
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AlertIngestor));
        }

        // Cancelling the wait does not un-write the alerts: a cancelled caller was simply never acknowledged.
        return await pending.Completion.Task.WaitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
        {
            await _writer;
        }
    }

    private void EnsureWriter()
    {
        if (_writer is not null)
        {
            return;
        }

        lock (_startLock)
        {
            _writer ??= Task.Run(WriteLoopAsync);
        }
    }

    private async Task WriteLoopAsync()
    {
        var group = new List<PendingIngest>();
        while (await _queue.Reader.WaitToReadAsync())
        {
            group.Clear();
            var alerts = 0;
            while (alerts < MaxGroupAlerts && _queue.Reader.TryRead(out var next))
            {
                if (next.CancellationToken.IsCancellationRequested)
                {
                    next.Completion.TrySetCanceled(next.CancellationToken);
                    continue;
                }

                group.Add(next);
                alerts += next.Drafts.Count;
            }

            if (group.Count == 0)
            {
                continue;
            }

            try
            {
                var outcomes = await StoreAsync(group, CancellationToken.None);
                for (var i = 0; i < group.Count; i++)
                {
                    group[i].Completion.TrySetResult(outcomes[i]);
                }
            }
            catch (Exception) when (group.Count > 1)
            {
                foreach (var alone in group)
                {
                    await StoreAloneAsync(alone);
                }
            }
            catch (Exception ex)
            {
                group[0].Completion.TrySetException(ex);
            }
        }
    }

    private async Task StoreAloneAsync(PendingIngest pending)
    {
        try
        {
            pending.Completion.TrySetResult((await StoreAsync([pending], CancellationToken.None))[0]);
        }
        catch (Exception ex)
        {
            pending.Completion.TrySetException(ex);
        }
    }

    private async Task<IngestOutcome[][]> StoreAsync(IReadOnlyList<PendingIngest> group, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var results = new IngestOutcome[group.Count][];
        await using var transaction = await store.BeginAsync(cancellationToken);
        for (var g = 0; g < group.Count; g++)
        {
            var (drafts, actor) = (group[g].Drafts, group[g].Actor);
            var outcomes = results[g] = new IngestOutcome[drafts.Count];
            for (var i = 0; i < drafts.Count; i++)
            {
                var candidate = drafts[i].ToAlert(Ids.New(Ids.Alert, now), now);
                var upsert = await transaction.UpsertAlertAsync(candidate, cancellationToken);
                if (!upsert.Created)
                {
                    outcomes[i] = new IngestOutcome(upsert.Alert.Id, upsert.Alert.CaseId, false, upsert.Alert.OccurrenceCount);
                    continue;
                }

                var caseId = await AssignAsync(upsert.Alert, actor, now, transaction, cancellationToken);
                // Enrichment runs after commit as a durable job written with the alert (outbox): ingest never waits on a lookup.
                await transaction.EnqueueJobAsync(EnrichJob.For(caseId, upsert.Alert.Id, now), cancellationToken);
                outcomes[i] = new IngestOutcome(upsert.Alert.Id, caseId, true, 1);
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return results;
    }

    private async Task<string> AssignAsync(Alert alert, Actor actor, DateTimeOffset now, IStoreTransaction transaction, CancellationToken cancellationToken)
    {
        var assignment = await assigner.AssignAsync(alert, transaction, cancellationToken);
        var joined = assignment.ExistingCaseId is null
            ? null
            : await transaction.GetCaseForUpdateAsync(assignment.ExistingCaseId, cancellationToken);

        if (joined is null || joined.IsClosed)
        {
            var opened = new Case
            {
                Id = Ids.New(Ids.Case, now),
                Title = alert.Title,
                State = CaseState.Normalised,
                SeverityAtOpen = alert.Severity,
                Severity = alert.Severity,
                OpenedAt = now,
                UpdatedAt = now,
                SlaDueAt = _sla.DueAt(alert.Severity, now),
                AlertCount = 1,
            };
            await transaction.InsertCaseAsync(opened, cancellationToken);
            await transaction.AttachAlertAsync(Link(opened.Id, alert.Id, now, assignment.Reason), alert, cancellationToken);
            await transaction.AppendLedgerAsync(opened.Id, LedgerKinds.CaseOpened, actor, now, LedgerPayload.From(new
            {
                alert_id = alert.Id,
                source = alert.Source,
                source_ref = alert.SourceRef,
                title = alert.Title,
                severity = alert.Severity.ToWire(),
                sla_due_at = opened.SlaDueAt,
                reason = assignment.Reason,
                grouping_rule = assignment.Rule,
                overflow_of = assignment.OverflowOf,
            }), cancellationToken);
            return opened.Id;
        }

        var raised = alert.Severity > joined.Severity ? alert.Severity : joined.Severity;
        var updated = joined with { AlertCount = joined.AlertCount + 1, Severity = raised, UpdatedAt = now, Version = joined.Version + 1 };
        if (!await transaction.UpdateCaseAsync(updated, joined.Version, cancellationToken))
        {
            throw new InvalidOperationException($"case {joined.Id} changed while it was locked for this transaction");
        }

        await transaction.AttachAlertAsync(Link(joined.Id, alert.Id, now, assignment.Reason), alert, cancellationToken);
        await transaction.AppendLedgerAsync(joined.Id, LedgerKinds.AlertAttached, actor, now, LedgerPayload.From(new
        {
            alert_id = alert.Id,
            title = alert.Title,
            severity = alert.Severity.ToWire(),
            reason = assignment.Reason,
            grouping_rule = assignment.Rule,
            matched_entities = assignment.Matched.Count > 0 ? assignment.Matched : null,
            severity_raised_to = raised != joined.Severity ? raised.ToWire() : null,
        }), cancellationToken);
        return joined.Id;
    }

    private static CaseAlertLink Link(string caseId, string alertId, DateTimeOffset at, string reason) => new()
    {
        CaseId = caseId,
        AlertId = alertId,
        OriginCaseId = caseId,
        JoinedAt = at,
        Reason = reason,
    };
}
