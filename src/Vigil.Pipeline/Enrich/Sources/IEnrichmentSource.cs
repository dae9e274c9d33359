using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Enrich.Sources;

/// <summary>
/// Looks up context for an entity from one source: a local store (assets, identities, intel, geo) or a remote
/// reputation service (VirusTotal, AbuseIPDB, GreyNoise, MISP, a generic REST lookup). Every answer says where it
/// came from and when, so a case can show evidence freshness and missing context.
/// </summary>
public interface IEnrichmentSource
{
    /// <summary>Stable name shown to analysts and stored with each result (e.g. <c>virustotal</c>, <c>assets</c>).</summary>
    string Name { get; }

    /// <summary>Whether this source has anything to say about entities of this type.</summary>
    bool Supports(EntityType type);

    /// <summary>
    /// One lookup. A failure (timeout, rate limit, not configured, unknown) is a result with
    /// <see cref="EnrichmentStatus"/> other than <see cref="EnrichmentStatus.Found"/>, never an exception.
    /// </summary>
    Task<EnrichmentResult> LookupAsync(Entity entity, CancellationToken cancellationToken);
}
