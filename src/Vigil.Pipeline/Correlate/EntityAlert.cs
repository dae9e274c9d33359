using Vigil.Domain;

namespace Vigil.Pipeline.Correlate;

/// <summary>An alert that names an entity, and the case holding it (the alert's own text is attacker-controlled).</summary>
public sealed record EntityAlert(string Id, string CaseId, string Source, string Title, Severity Severity, DateTimeOffset OccurredAt);
