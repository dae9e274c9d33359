using System.Text.Json;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// The durable "recommend this case" job. Stages that finish a case's enrichment or correlation enqueue it in the
/// same transaction as their change (outbox), keyed by the case version so a repeat enqueue is harmless.
/// </summary>
public static class RecommendJob
{
    public const string Kind = "case.recommend";

    public static JobRecord For(string caseId, long caseVersion, string trigger, DateTimeOffset now) => new()
    {
        Id = Vigil.Domain.Ids.New("job", now),
        Kind = Kind,
        Payload = JsonSerializer.Serialize(new RecommendJobPayload(caseId, trigger)),
        RunAt = now,
        IdempotencyKey = $"{Kind}:{caseId}:v{caseVersion}",
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>Enqueues the job inside <paramref name="transaction"/>; false when the same case version was already queued.</summary>
    public static Task<bool> EnqueueAsync(IStoreTransaction transaction, string caseId, long caseVersion, string trigger, DateTimeOffset now, CancellationToken cancellationToken) =>
        transaction.EnqueueJobAsync(For(caseId, caseVersion, trigger, now), cancellationToken);
}
