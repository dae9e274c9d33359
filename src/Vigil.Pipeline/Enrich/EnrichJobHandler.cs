using Vigil.Pipeline.Jobs;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich;

/// <summary>Runs <see cref="EnrichJob"/>s: the case's results and the job's completion commit together.</summary>
public sealed class EnrichJobHandler(CaseEnricher enricher) : IJobHandler
{
    public string Kind => EnrichJob.Kind;

    public async Task HandleAsync(JobRecord job, JobContext context, CancellationToken cancellationToken)
    {
        var (caseId, alertId) = EnrichJob.Read(job);
        await enricher.EnrichAsync(caseId, alertId, context.CompleteAsync, cancellationToken);
    }
}
