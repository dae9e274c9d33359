using Microsoft.Extensions.Logging;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Enrich.Geo;
using Vigil.Pipeline.Enrich.Sources;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich;

/// <summary>
/// Enriches the entities of one alert on its case: every applicable source is asked about every entity (a fresh
/// answer already stored for the same source and entity is reused, so a rate-limited service is not asked twice),
/// the results and the gaps are stored, the case's severity follows the evidence with its reasons in the ledger, and
/// the case moves from normalised to enriched. Lookups run before the transaction: no lock is held on the network.
/// </summary>
public sealed partial class CaseEnricher(
    IVigilStore store, IEnumerable<IEnrichmentSource> sources, GeoVelocityCheck velocity, TimeProvider time, ILogger<CaseEnricher> logger)
{
    private static readonly Actor Stage = Actor.Automation("enrich");

    private readonly IEnrichmentSource[] _sources = [.. sources];

    /// <summary>
    /// Enriches and commits; <paramref name="beforeCommit"/> runs inside the transaction (a job's completion).
    /// Null when the case or alert no longer exists or the case is closed: there is nothing to enrich.
    /// </summary>
    public async Task<CaseEnriched?> EnrichAsync(string caseId, string alertId, Func<IStoreTransaction, CancellationToken, Task>? beforeCommit, CancellationToken cancellationToken)
    {
        var alert = await store.GetAlertAsync(alertId, cancellationToken);
        var found = await store.GetCaseAsync(caseId, cancellationToken);
        if (alert is null || found is null || found.IsClosed)
        {
            return null;
        }

        var results = new List<EnrichmentResult>(await LookupAllAsync(alert, cancellationToken));
        var travel = await velocity.CheckAsync(alert, cancellationToken);
        if (travel is { } check)
        {
            results.Add(check.Result);
        }

        var previous = await store.GetCaseEnrichmentsAsync(caseId, cancellationToken);
        var baseline = (await store.GetCaseAlertsAsync(caseId, cancellationToken)).Select(a => a.Severity).DefaultIfEmpty(found.SeverityAtOpen).Max();
        var all = previous.Select(p => p.Result)
            .Where(p => !results.Any(r => r.Source == p.Source && r.EntityType == p.EntityType && r.EntityValue == p.EntityValue))
            .Concat(results)
            .ToArray();
        var decision = EnrichmentSeverity.Assess(baseline, all);
        var missing = MissingContext.Of(results);

        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var current = await transaction.GetCaseForUpdateAsync(caseId, cancellationToken);
        if (current is null || current.IsClosed)
        {
            return null;
        }

        foreach (var result in results)
        {
            var id = previous.FirstOrDefault(p => p.Result.Source == result.Source && p.Result.EntityType == result.EntityType && p.Result.EntityValue == result.EntityValue)?.Id
                ?? Ids.New("enr", now);
            await transaction.UpsertEnrichmentAsync(new CaseEnrichment { Id = id, CaseId = caseId, Result = result }, cancellationToken);
        }

        if (travel is { SignIn: var signIn })
        {
            await transaction.InsertSignInAsync(signIn, cancellationToken);
        }

        await transaction.AppendLedgerAsync(caseId, LedgerKinds.Enriched, Stage, now, LedgerPayload.From(new
        {
            alert_id = alertId,
            results = results.Select(r => new
            {
                entity = $"{r.EntityType.ToWire()}:{r.EntityValue}",
                source = r.Source,
                status = r.Status.ToString().ToLowerInvariant(),
                verdict = r.Verdict,
                score = r.Score,
                error = r.Error,
            }),
            missing,
        }), cancellationToken);

        var enriched = new CaseEnriched { CaseId = caseId, AlertId = alertId, Results = results, Missing = missing };
        (current, enriched) = await ApplySeverityAsync(transaction, current, decision, baseline, enriched, now, cancellationToken);
        (_, enriched) = await ApplyStateAsync(transaction, current, results.Count, missing.Count, enriched, now, cancellationToken);

        if (beforeCommit is not null)
        {
            await beforeCommit(transaction, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogEnriched(caseId, alertId, results.Count, missing.Count);
        return enriched;
    }

    private async Task<EnrichmentResult[]> LookupAllAsync(Alert alert, CancellationToken cancellationToken)
    {
        var lookups = new List<Task<EnrichmentResult>>();
        foreach (var entity in alert.Entities.Distinct())
        {
            foreach (var source in _sources)
            {
                if (source.Supports(entity.Type))
                {
                    lookups.Add(LookupAsync(source, entity, cancellationToken));
                }
            }
        }

        return await Task.WhenAll(lookups);
    }

    private async Task<EnrichmentResult> LookupAsync(IEnrichmentSource source, Entity entity, CancellationToken cancellationToken)
    {
        try
        {
            return await store.FindFreshEnrichmentAsync(source.Name, entity.Key, time.GetUtcNow(), cancellationToken)
                ?? await source.LookupAsync(entity, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The port promises a result, not an exception; a source that breaks that promise is still only missing context.
            LogSourceFailed(ex, source.Name, entity.Key);
            return Results.Failed(source.Name, entity, time.GetUtcNow(), $"{ex.GetType().Name}: {ex.Message}");
        }
    }

    private static async Task<(Case, CaseEnriched)> ApplySeverityAsync(
        IStoreTransaction transaction, Case current, SeverityDecision decision, Severity baseline, CaseEnriched enriched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (decision.Severity == current.Severity)
        {
            return (current, enriched);
        }

        var change = CaseLifecycle.SetSeverity(current, decision.Severity, now);
        if (!change.IsAccepted || !await transaction.UpdateCaseAsync(change.After!, current.Version, cancellationToken))
        {
            return (current, enriched);
        }

        var reason = decision.Reasons.Count == 0 ? $"no enrichment finding moves it from the alerts' {baseline.ToWire()}" : string.Join("; ", decision.Reasons);
        await transaction.AppendLedgerAsync(current.Id, LedgerKinds.SeverityChanged, Stage, now, LedgerPayload.From(new
        {
            from = current.Severity.ToWire(),
            to = decision.Severity.ToWire(),
            reason,
            reasons = decision.Reasons,
        }), cancellationToken);
        return (change.After!, enriched with { SeverityChangedTo = decision.Severity, SeverityReasons = decision.Reasons });
    }

    private static async Task<(Case, CaseEnriched)> ApplyStateAsync(
        IStoreTransaction transaction, Case current, int results, int missing, CaseEnriched enriched, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (current.State != CaseState.Normalised)
        {
            return (current, enriched);
        }

        var change = CaseLifecycle.Move(current, CaseState.Enriched, now);
        if (!change.IsAccepted || !await transaction.UpdateCaseAsync(change.After!, current.Version, cancellationToken))
        {
            return (current, enriched);
        }

        await transaction.AppendLedgerAsync(current.Id, LedgerKinds.StateChanged, Stage, now, LedgerPayload.From(new
        {
            from = current.State.ToWire(),
            to = CaseState.Enriched.ToWire(),
            reason = $"enrichment stored {results} result(s), {missing} missing-context item(s)",
        }), cancellationToken);
        return (change.After!, enriched with { StateChangedTo = CaseState.Enriched });
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Debug, Message = "Enriched case {CaseId} for alert {AlertId}: {Results} results, {Missing} missing")]
    private partial void LogEnriched(string caseId, string alertId, int results, int missing);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning, Message = "Enrichment source {Source} threw for {Entity}")]
    private partial void LogSourceFailed(Exception exception, string source, string entity);
}
