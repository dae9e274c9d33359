using System.Security.Cryptography;
using System.Text;
using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Domain.Evidence;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence.Retention;

/// <summary>
/// Retention and disposal. A closed case's alert payloads and artefact contents are removed once the policy's days
/// after closure have passed, unless the case is on legal hold. Nothing is deleted silently: each removal leaves a
/// tombstone with the SHA-256 and size of what was removed, and one <c>retention.disposed</c> entry per case lists them
/// on the case's chain in the same transaction. The ledger itself is never touched, so it verifies after disposal.
/// </summary>
public sealed class RetentionService(IVigilStore store, RetentionPolicy policy, TimeProvider time)
{
    /// <summary>What a disposed alert payload is replaced by: still JSON, naming the hash of what it held.</summary>
    public const string MarkerPrefix = "{\"vigil_disposed\":{";

    public async Task<LegalHold?> SetHoldAsync(string caseId, string reason, Actor actor, CancellationToken cancellationToken) =>
        await ChangeHoldAsync(caseId, reason, actor, set: true, cancellationToken) ? new LegalHold(caseId, reason, actor.ToString(), time.GetUtcNow()) : null;

    public Task<bool> ReleaseHoldAsync(string caseId, string reason, Actor actor, CancellationToken cancellationToken) =>
        ChangeHoldAsync(caseId, reason, actor, set: false, cancellationToken);

    public async Task<DisposalReport> RunAsync(bool dryRun, Actor actor, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var runId = Ids.New("ret", now);
        var held = (await store.ListLegalHoldsAsync(cancellationToken)).Select(h => h.CaseId).ToHashSet(StringComparer.Ordinal);
        var examined = 0;
        var heldWithExpired = new List<string>();
        var disposed = new List<Tombstone>();
        await foreach (var c in CaseScan.AllAsync(store, cancellationToken))
        {
            if (c.ClosedAt is not { } closedAt)
            {
                continue;
            }

            examined++;
            var due = await DueAsync(c, closedAt, runId, now, cancellationToken);
            if (due.Count == 0)
            {
                continue;
            }

            if (held.Contains(c.Id))
            {
                heldWithExpired.Add(c.Id);
                continue;
            }

            disposed.AddRange(dryRun ? due.Select(d => d.Tombstone) : await DisposeAsync(c.Id, due, runId, actor, now, cancellationToken));
        }

        return new DisposalReport { RunId = runId, DryRun = dryRun, At = now, CasesExamined = examined, HeldCases = heldWithExpired, Disposed = disposed };
    }

    private async Task<List<(Tombstone Tombstone, string? Marker)>> DueAsync(Case c, DateTimeOffset closedAt, string runId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var due = new List<(Tombstone, string?)>();
        if (policy.For(c.Classification, RetentionDataKinds.AlertPayload) is { } alertRule && closedAt.AddDays(alertRule.Days) <= now)
        {
            foreach (var alert in await store.GetCaseAlertsAsync(c.Id, cancellationToken))
            {
                if (alert.CaseId == c.Id && !alert.RawPayload.StartsWith(MarkerPrefix, StringComparison.Ordinal))
                {
                    var bytes = Encoding.UTF8.GetBytes(alert.RawPayload);
                    var tombstone = NewTombstone(runId, c.Id, RetentionDataKinds.AlertPayload, alert.Id, Convert.ToHexStringLower(SHA256.HashData(bytes)), bytes.Length, alertRule.Rule, now);
                    due.Add((tombstone, $"{MarkerPrefix}\"sha256\":\"{tombstone.Sha256}\",\"tombstone\":\"{tombstone.Id}\"}}}}"));
                }
            }
        }

        if (policy.For(c.Classification, RetentionDataKinds.Artefact) is { } artefactRule && closedAt.AddDays(artefactRule.Days) <= now)
        {
            foreach (var artefact in await store.ListArtefactsAsync(c.Id, cancellationToken))
            {
                if (artefact.DisposedAt is null)
                {
                    due.Add((NewTombstone(runId, c.Id, RetentionDataKinds.Artefact, artefact.Id, artefact.Sha256, artefact.Size, artefactRule.Rule, now), null));
                }
            }
        }

        return due;
    }

    private async Task<IReadOnlyList<Tombstone>> DisposeAsync(
        string caseId, List<(Tombstone Tombstone, string? Marker)> due, string runId, Actor actor, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var transaction = await store.BeginAsync(cancellationToken);
        // Re-checked under the case lock: a hold set since the scan wins, and another node's run of the same items
        // finds them gone (the updates below match nothing) and writes no second tombstone.
        if (await transaction.GetCaseForUpdateAsync(caseId, cancellationToken) is null || await transaction.IsOnLegalHoldAsync(caseId, cancellationToken))
        {
            return [];
        }

        var done = new List<Tombstone>();
        foreach (var (tombstone, marker) in due)
        {
            var removed = tombstone.Kind == RetentionDataKinds.AlertPayload
                ? await transaction.DisposeAlertPayloadAsync(tombstone.RefId, marker!, cancellationToken)
                : await transaction.DisposeArtefactAsync(tombstone.RefId, now, cancellationToken);
            if (removed)
            {
                await transaction.InsertTombstoneAsync(tombstone, cancellationToken);
                done.Add(tombstone);
            }
        }

        if (done.Count > 0)
        {
            await transaction.AppendLedgerAsync(caseId, RetentionKinds.Disposed, actor, now, LedgerPayload.From(new
            {
                run_id = runId,
                items = done.Select(t => new { t.Kind, ref_id = t.RefId, t.Sha256, t.Size, t.Rule, tombstone = t.Id }).ToArray(),
            }), cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return done;
    }

    private async Task<bool> ChangeHoldAsync(string caseId, string reason, Actor actor, bool set, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        if (await transaction.GetCaseForUpdateAsync(caseId, cancellationToken) is null)
        {
            return false;
        }

        var changed = set
            ? await transaction.SetLegalHoldAsync(new LegalHold(caseId, reason, actor.ToString(), now), cancellationToken)
            : await transaction.ReleaseLegalHoldAsync(caseId, cancellationToken);
        if (changed)
        {
            await transaction.AppendLedgerAsync(caseId, set ? RetentionKinds.HoldSet : RetentionKinds.HoldReleased, actor, now, LedgerPayload.From(new { reason }), cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        return changed;
    }

    private static Tombstone NewTombstone(string runId, string caseId, string kind, string refId, string sha256, long size, string rule, DateTimeOffset now) => new()
    {
        Id = Ids.New("tmb", now),
        RunId = runId,
        CaseId = caseId,
        Kind = kind,
        RefId = refId,
        Sha256 = sha256,
        Size = size,
        Rule = rule,
        DisposedAt = LedgerHasher.Truncate(now),
    };
}
