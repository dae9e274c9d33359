using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Pipeline.Enrich;

/// <summary>What enriching one alert's entities on a case did: the results stored, the gaps, and any severity or state move.</summary>
public sealed record CaseEnriched
{
    public required string CaseId { get; init; }

    public required string AlertId { get; init; }

    public required IReadOnlyList<EnrichmentResult> Results { get; init; }

    /// <summary>Every gap in words: failed lookups with their reason, and what found records leave unknown.</summary>
    public required IReadOnlyList<string> Missing { get; init; }

    public Severity? SeverityChangedTo { get; init; }

    public IReadOnlyList<string> SeverityReasons { get; init; } = [];

    public CaseState? StateChangedTo { get; init; }
}
