namespace Vigil.Pipeline.Ingest;

/// <summary>What became of one submitted alert: stored anew, or counted as another occurrence of a stored one.</summary>
public sealed record IngestOutcome(string AlertId, string? CaseId, bool Created, long OccurrenceCount);
