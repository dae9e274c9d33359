namespace Vigil.Pipeline.Evidence.Leadership;

/// <summary>A learning task still open at report time, with its owner and due date.</summary>
public sealed record OutstandingTask(string Id, string CaseId, string Kind, string Title, string? Owner, DateTimeOffset DueAt, bool Overdue);
