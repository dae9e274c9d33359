using Vigil.Domain.Cases;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Cases;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// Recommends for a stored case: reads its dossier, asks the <see cref="Recommender"/>, and in one transaction stores
/// the new version, moves a correlated case to <c>recommended</c>, and writes the ledger entries (model, input digest,
/// output, verification; any injection attempt; any refused AI answer).
/// </summary>
public sealed class RecommendationService(IVigilStore store, DossierLoader loader, Recommender recommender, TimeProvider time)
{
    public async Task<(CaseResult Result, Recommendation? Recommendation)> RecommendAsync(
        string caseId, Actor actor, CancellationToken cancellationToken, Func<IStoreTransaction, Task>? alsoInTransaction = null)
    {
        var dossier = await loader.LoadAsync(caseId, cancellationToken);
        if (dossier is null)
        {
            return (CaseResult.NotFound(caseId), null);
        }

        var outcome = await recommender.RecommendAsync(dossier, cancellationToken);
        var now = time.GetUtcNow();
        await using var transaction = await store.BeginAsync(cancellationToken);
        var current = await transaction.GetCaseForUpdateAsync(caseId, cancellationToken);
        if (current is null)
        {
            return (CaseResult.NotFound(caseId), null);
        }

        var stored = await transaction.InsertRecommendationAsync(outcome.Recommendation, cancellationToken);
        await transaction.AppendLedgerAsync(caseId, RecommendLedgerKinds.Recommended, actor, now, LedgerPayload.From(LedgerView(stored, outcome.Ai)), cancellationToken);
        if (stored.InjectionFlags.Count > 0)
        {
            await transaction.AppendLedgerAsync(caseId, RecommendLedgerKinds.InjectionFlagged, actor, now, LedgerPayload.From(new
            {
                recommendation_id = stored.Id,
                flags = stored.InjectionFlags.Select(f => new { evidence_id = f.EvidenceId, pattern = f.Pattern, excerpt = f.Excerpt }),
            }), cancellationToken);
        }

        if (outcome.Ai?.Rejection is { } rejection)
        {
            await transaction.AppendLedgerAsync(caseId, RecommendLedgerKinds.AiAnswerRejected, actor, now, LedgerPayload.From(new
            {
                recommendation_id = stored.Id,
                model = outcome.Ai.Model,
                prompt_digest = outcome.Ai.PromptDigest,
                reason = rejection,
                answer = outcome.Ai.RawAnswer,
            }), cancellationToken);
        }

        var after = current;
        // Only a correlated case moves: earlier states have not finished their stages, later ones are past this one.
        if (current.State == CaseState.Correlated)
        {
            var change = CaseLifecycle.Move(current, CaseState.Recommended, now);
            if (!change.IsAccepted || !await transaction.UpdateCaseAsync(change.After!, current.Version, cancellationToken))
            {
                return (CaseResult.Conflict(caseId), null);
            }

            after = change.After!;
            await transaction.AppendLedgerAsync(caseId, LedgerKinds.StateChanged, actor, now, LedgerPayload.From(new
            {
                from = current.State.ToWire(),
                to = after.State.ToWire(),
                reason = $"recommendation v{stored.Version} ({stored.Model})",
            }), cancellationToken);
        }

        if (alsoInTransaction is not null)
        {
            await alsoInTransaction(transaction);
        }

        await transaction.CommitAsync(cancellationToken);
        return (CaseResult.Done(after), stored);
    }

    private static object LedgerView(Recommendation r, AiAnswer? ai) => new
    {
        recommendation_id = r.Id,
        version = r.Version,
        model = r.Model,
        input_digest = r.InputDigest,
        prompt_digest = ai?.PromptDigest,
        output = new
        {
            severity = r.Severity.ToString().ToLowerInvariant(),
            disposition = r.Disposition.ToWire(),
            confidence = r.Confidence,
            true_positive_probability = r.TruePositiveProbability,
            hypothesis = r.Hypothesis,
            actions = r.ProposedActions.Select(a => a.Type),
            blend = r.Blend,
        },
        verification = new
        {
            claims = r.Verification.Claims,
            supported = r.Verification.SupportedClaims,
            validity = r.Verification.Validity,
            unknown_ids = r.Verification.UnknownIds,
            unsupported = r.Claims.Where(c => !c.Supported).Select(c => new { c.Text, c.Origin, c.Problem }),
        },
        injection_flags = r.InjectionFlags.Count,
        rejections = r.Rejections,
    };
}
