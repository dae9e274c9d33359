using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// One enrichment result held by a case, as the recommender reads it: the result and the id a claim cites. The
/// features read its attributes by the keys in <see cref="EvidenceAttributes"/>.
/// </summary>
public sealed record EnrichmentEvidence(string Id, EnrichmentResult Result)
{
    public string Source => Result.Source;

    /// <summary>"type:value" of the entity the result is about.</summary>
    public string EntityKey => string.Concat(Result.EntityType.ToWire(), ":", Result.EntityValue);

    public EnrichmentStatus Status => Result.Status;

    public DateTimeOffset FetchedAt => Result.FetchedAt;

    public string? Verdict => Result.Verdict;

    public int? Score => Result.Score;

    public IReadOnlyDictionary<string, string> Attributes => Result.Attributes;

    public string? Error => Result.Error;

    public string? Attribute(string key) => Attributes.TryGetValue(key, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    /// <summary>A geo-velocity result whose far sign-in a recorded trip explains.</summary>
    public bool ExplainedTravel => Attribute(EvidenceAttributes.TravelExplained) is { } trip && trip != "false";

    public bool IsStale(DateTimeOffset now) => Result.ValidFor is { } valid && FetchedAt + valid < now;
}
