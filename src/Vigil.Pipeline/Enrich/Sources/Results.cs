using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Enrich.Sources;

/// <summary>Builds the three kinds of <see cref="EnrichmentResult"/> so every source spells them alike.</summary>
public static class Results
{
    public static EnrichmentResult Found(string source, Entity entity, DateTimeOffset at, IReadOnlyDictionary<string, string> attributes,
        string? verdict = null, int? score = null, TimeSpan? validFor = null, IReadOnlyList<string>? missing = null) => new()
    {
        Source = source,
        EntityType = entity.Type,
        EntityValue = entity.Value,
        Status = EnrichmentStatus.Found,
        FetchedAt = at,
        Attributes = attributes,
        Verdict = verdict,
        Score = score,
        ValidFor = validFor,
        Missing = missing ?? [],
    };

    public static EnrichmentResult NotFound(string source, Entity entity, DateTimeOffset at, TimeSpan? validFor = null, IReadOnlyList<string>? missing = null) => new()
    {
        Source = source,
        EntityType = entity.Type,
        EntityValue = entity.Value,
        Status = EnrichmentStatus.NotFound,
        FetchedAt = at,
        ValidFor = validFor,
        Missing = missing ?? [],
    };

    public static EnrichmentResult Failed(string source, Entity entity, DateTimeOffset at, string error) => new()
    {
        Source = source,
        EntityType = entity.Type,
        EntityValue = entity.Value,
        Status = EnrichmentStatus.Failed,
        FetchedAt = at,
        Error = error,
    };
}
