using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Ingest;

/// <summary>
/// Stores a batch of alerts in one transaction: each new alert is assigned to a case and the assignment is written
/// to that case's ledger; repeats count an occurrence. When this returns, the batch is committed and durable, so
/// callers acknowledge only after it.
/// </summary>
public sealed class AlertIngestor(IVigilStore store, ICaseAssigner assigner, TimeProvider time, SlaPolicy? sla = null)
{
    private readonly SlaPolicy _sla = sla ?? SlaPolicy.Default;

    public async Task<IReadOnlyList<IngestOutcome>> IngestAsync(IReadOnlyList<AlertDraft> drafts, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var outcomes = new IngestOutcome[drafts.Count];
        await using var transaction = await store.BeginAsync(cancellationToken);
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
            outcomes[i] = new IngestOutcome(upsert.Alert.Id, caseId, true, 1);
        }

        await transaction.CommitAsync(cancellationToken);
        return outcomes;
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
