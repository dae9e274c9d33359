using System.Text.Json;
using Vigil.Domain;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Enrich;

/// <summary>The durable job that enriches an alert's entities on the case it joined, enqueued with the ingest change (outbox).</summary>
public static class EnrichJob
{
    public const string Kind = "enrich";

    /// <summary>One job per alert: enqueueing it twice (a retried ingest) stores it once.</summary>
    public static JobRecord For(string caseId, string alertId, DateTimeOffset now) => new()
    {
        Id = Ids.New("job", now),
        Kind = Kind,
        Payload = JsonSerializer.Serialize(new Payload(caseId, alertId)),
        RunAt = now,
        IdempotencyKey = string.Concat(Kind, ":", alertId),
        CreatedAt = now,
        UpdatedAt = now,
    };

    public static (string CaseId, string AlertId) Read(JobRecord job)
    {
        var payload = JsonSerializer.Deserialize<Payload>(job.Payload)
            ?? throw new InvalidDataException($"job {job.Id} has an empty payload");
        return (payload.CaseId, payload.AlertId);
    }

    private sealed record Payload(string CaseId, string AlertId);
}
