using System.Text.Json;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Jobs;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Recommend;

/// <summary>Runs <see cref="RecommendJob"/>: the recommendation, its ledger entries and the job's completion commit together.</summary>
public sealed class RecommendJobHandler(RecommendationService service) : IJobHandler
{
    public string Kind => RecommendJob.Kind;

    public async Task HandleAsync(JobRecord job, JobContext context, CancellationToken cancellationToken)
    {
        var payload = JsonSerializer.Deserialize<RecommendJobPayload>(job.Payload)
            ?? throw new JsonException($"job {job.Id} has an empty payload");
        var (result, _) = await service.RecommendAsync(payload.CaseId, Actor.Automation("recommender"), cancellationToken, tx => context.CompleteAsync(tx, cancellationToken));
        if (result.Kind == Cases.CaseResultKind.Conflict)
        {
            // Someone changed the case between reading and writing: run again on the new state.
            throw new InvalidOperationException($"case {payload.CaseId} changed while it was being recommended");
        }
    }
}
