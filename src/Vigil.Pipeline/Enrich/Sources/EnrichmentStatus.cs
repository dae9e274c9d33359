namespace Vigil.Pipeline.Enrich.Sources;

public enum EnrichmentStatus
{
    /// <summary>The source knows the entity; <see cref="EnrichmentResult.Attributes"/> says what.</summary>
    Found,

    /// <summary>The source answered and has nothing on it (itself a fact worth showing).</summary>
    NotFound,

    /// <summary>The lookup could not be made (timeout, 5xx, rate limit, not configured): missing context.</summary>
    Failed,
}
