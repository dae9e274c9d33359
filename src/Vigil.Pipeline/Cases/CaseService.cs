using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;
using Vigil.Pipeline.Recommend;

namespace Vigil.Pipeline.Cases;

/// <summary>
/// Every human or automated change to a case. Each command locks the case, asks <see cref="CaseLifecycle"/>, writes
/// the change and its ledger entry in one transaction, or refuses with a reason and writes nothing.
/// </summary>
public sealed class CaseService(IVigilStore store, TimeProvider time)
{
    public Task<CaseResult> TransitionAsync(string caseId, CaseState to, Actor actor, string? reason, CancellationToken cancellationToken) =>
        ChangeAsync(
            caseId,
            actor,
            cancellationToken,
            (current, now) =>
            {
                var change = CaseLifecycle.Move(current, to, now);
                return (change, LedgerKinds.StateChanged, new { from = current.State.ToWire(), to = to.ToWire(), reason });
            },
            // An enriched or correlated case gets a (re)computed recommendation: the job commits with the move (outbox).
            to is CaseState.Enriched or CaseState.Correlated
                ? (transaction, after, now) => RecommendJob.EnqueueAsync(transaction, caseId, after.Version, $"case.{to.ToWire()}", now, cancellationToken)
                : null);

    public Task<CaseResult> CloseAsync(string caseId, CaseClosure closure, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, actor, cancellationToken, (current, now) =>
        {
            var change = CaseLifecycle.Close(current, closure, now);
            return (change, LedgerKinds.Closed, new
            {
                from = current.State.ToWire(),
                classification = closure.Classification.ToWire(),
                note = closure.Note,
                root_cause = closure.RootCause,
            });
        });

    public Task<CaseResult> ReopenAsync(string caseId, string reason, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, actor, cancellationToken, (current, now) =>
        {
            var change = CaseLifecycle.Reopen(current, reason, now);
            return (change, LedgerKinds.Reopened, new { to = change.After?.State.ToWire(), reason, previous_classification = current.Classification?.ToWire() });
        });

    public Task<CaseResult> AssignAsync(string caseId, string? owner, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, actor, cancellationToken, (current, now) =>
            (CaseLifecycle.Assign(current, owner, now), LedgerKinds.Assigned, new { from = current.Owner, to = owner }));

    public Task<CaseResult> SetSeverityAsync(string caseId, Severity severity, string reason, Actor actor, CancellationToken cancellationToken) =>
        ChangeAsync(caseId, actor, cancellationToken, (current, now) =>
            (CaseLifecycle.SetSeverity(current, severity, now), LedgerKinds.SeverityChanged, new { from = current.Severity.ToWire(), to = severity.ToWire(), reason }));

    public async Task<(CaseResult Result, CaseNote? Note)> AddNoteAsync(string caseId, string text, Actor actor, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return (CaseResult.Refused(null, "a note needs text"), null);
        }

        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var current = await transaction.GetCaseForUpdateAsync(caseId, cancellationToken);
        if (current is null)
        {
            return (CaseResult.NotFound(caseId), null);
        }

        var note = new CaseNote { Id = Ids.New(Ids.Note, now), CaseId = caseId, Author = actor.ToString(), Text = text.Trim(), At = now };
        await transaction.InsertNoteAsync(note, cancellationToken);
        var touched = current with { UpdatedAt = now, Version = current.Version + 1 };
        if (!await transaction.UpdateCaseAsync(touched, current.Version, cancellationToken))
        {
            return (CaseResult.Conflict(caseId), null);
        }

        await transaction.AppendLedgerAsync(caseId, LedgerKinds.NoteAdded, actor, now, LedgerPayload.From(new { note_id = note.Id, text = note.Text }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (CaseResult.Done(touched), note);
    }

    /// <summary>
    /// Moves every alert of <paramref name="sourceId"/> into <paramref name="targetId"/> and closes the source as a
    /// duplicate. Alerts keep their identity and their origin, which is what <see cref="UnmergeAsync"/> uses.
    /// </summary>
    public async Task<CaseResult> MergeAsync(string sourceId, string targetId, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        // Lock in id order so that two opposite merges cannot deadlock on PostgreSQL.
        var first = string.CompareOrdinal(sourceId, targetId) <= 0 ? sourceId : targetId;
        var second = first == sourceId ? targetId : sourceId;
        var a = await transaction.GetCaseForUpdateAsync(first, cancellationToken);
        var b = await transaction.GetCaseForUpdateAsync(second, cancellationToken);
        var source = first == sourceId ? a : b;
        var target = first == sourceId ? b : a;
        if (source is null)
        {
            return CaseResult.NotFound(sourceId);
        }

        if (target is null)
        {
            return CaseResult.NotFound(targetId);
        }

        var change = CaseLifecycle.MergeInto(source, target, now);
        if (!change.IsAccepted)
        {
            return CaseResult.Refused(source, change.Refusal!);
        }

        var links = await transaction.GetCaseAlertLinksAsync(sourceId, cancellationToken);
        foreach (var link in links)
        {
            await transaction.MoveAlertAsync(link.AlertId, targetId, cancellationToken);
        }

        var grown = target with
        {
            AlertCount = target.AlertCount + links.Count,
            Severity = source.Severity > target.Severity ? source.Severity : target.Severity,
            UpdatedAt = now,
            Version = target.Version + 1,
        };
        if (!await transaction.UpdateCaseAsync(change.After!, source.Version, cancellationToken)
            || !await transaction.UpdateCaseAsync(grown, target.Version, cancellationToken))
        {
            return CaseResult.Conflict(sourceId);
        }

        var alertIds = links.Select(l => l.AlertId).ToArray();
        await transaction.AppendLedgerAsync(sourceId, LedgerKinds.MergedInto, actor, now, LedgerPayload.From(new { target_case_id = targetId, alert_ids = alertIds }), cancellationToken);
        await transaction.AppendLedgerAsync(targetId, LedgerKinds.MergedFrom, actor, now, LedgerPayload.From(new { source_case_id = sourceId, alert_ids = alertIds }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CaseResult.Done(grown);
    }

    /// <summary>Reverses a merge: alerts whose origin is <paramref name="sourceId"/> go back, and the source reopens.</summary>
    public async Task<CaseResult> UnmergeAsync(string sourceId, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var peek = await transaction.GetCaseForUpdateAsync(sourceId, cancellationToken);
        if (peek is null)
        {
            return CaseResult.NotFound(sourceId);
        }

        var change = CaseLifecycle.Unmerge(peek, now);
        if (!change.IsAccepted)
        {
            return CaseResult.Refused(peek, change.Refusal!);
        }

        var targetId = peek.MergedInto!;
        var target = await transaction.GetCaseForUpdateAsync(targetId, cancellationToken);
        if (target is null)
        {
            return CaseResult.NotFound(targetId);
        }

        var returning = (await transaction.GetCaseAlertLinksAsync(targetId, cancellationToken))
            .Where(l => l.OriginCaseId == sourceId)
            .ToArray();
        foreach (var link in returning)
        {
            await transaction.MoveAlertAsync(link.AlertId, sourceId, cancellationToken);
        }

        var restored = change.After! with { AlertCount = returning.Length };
        var shrunk = target with { AlertCount = Math.Max(0, target.AlertCount - returning.Length), UpdatedAt = now, Version = target.Version + 1 };
        if (!await transaction.UpdateCaseAsync(restored, peek.Version, cancellationToken)
            || !await transaction.UpdateCaseAsync(shrunk, target.Version, cancellationToken))
        {
            return CaseResult.Conflict(sourceId);
        }

        var alertIds = returning.Select(l => l.AlertId).ToArray();
        await transaction.AppendLedgerAsync(sourceId, LedgerKinds.Unmerged, actor, now, LedgerPayload.From(new { from_case_id = targetId, alert_ids = alertIds, state = restored.State.ToWire() }), cancellationToken);
        await transaction.AppendLedgerAsync(targetId, LedgerKinds.UnmergedFrom, actor, now, LedgerPayload.From(new { to_case_id = sourceId, alert_ids = alertIds }), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CaseResult.Done(restored);
    }

    private async Task<CaseResult> ChangeAsync<TPayload>(
        string caseId,
        Actor actor,
        CancellationToken cancellationToken,
        Func<Case, DateTimeOffset, (CaseChange Change, string Kind, TPayload Payload)> decide,
        Func<IStoreTransaction, Case, DateTimeOffset, Task>? followUp = null)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var current = await transaction.GetCaseForUpdateAsync(caseId, cancellationToken);
        if (current is null)
        {
            return CaseResult.NotFound(caseId);
        }

        var (change, kind, payload) = decide(current, now);
        if (!change.IsAccepted)
        {
            return CaseResult.Refused(current, change.Refusal!);
        }

        if (!await transaction.UpdateCaseAsync(change.After!, current.Version, cancellationToken))
        {
            return CaseResult.Conflict(caseId);
        }

        await transaction.AppendLedgerAsync(caseId, kind, actor, now, LedgerPayload.From(payload), cancellationToken);
        if (followUp is not null)
        {
            await followUp(transaction, change.After!, now);
        }

        await transaction.CommitAsync(cancellationToken);
        return CaseResult.Done(change.After!);
    }
}
