using Vigil.Pipeline.Ingest;

namespace Vigil.Api.Contracts;

/// <summary>What became of one submitted alert.</summary>
internal sealed record AlertOutcome(string AlertId, string? CaseId, bool Created, long OccurrenceCount)
{
    public static AlertOutcome From(IngestOutcome outcome) =>
        new(outcome.AlertId, outcome.CaseId, outcome.Created, outcome.OccurrenceCount);
}
