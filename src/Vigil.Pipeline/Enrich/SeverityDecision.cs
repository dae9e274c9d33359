using Vigil.Domain;

namespace Vigil.Pipeline.Enrich;

/// <summary>The severity enrichment gives a case, and each reason for moving it from the alerts' own severity.</summary>
public sealed record SeverityDecision(Severity Severity, IReadOnlyList<string> Reasons);
