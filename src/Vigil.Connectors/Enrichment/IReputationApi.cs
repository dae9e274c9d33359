using Vigil.Connectors.Http;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Connectors.Enrichment;

/// <summary>
/// One reputation service's wire format: which entities it answers for, the request for one, and how its answer reads.
/// The shared glue (<see cref="ReputationSource"/>) does configuration, secrets, caching, rate limiting and failures.
/// </summary>
public interface IReputationApi
{
    /// <summary>The connector name: <c>Vigil:Connectors:&lt;name&gt;</c> and the source name on results.</summary>
    string Name { get; }

    /// <summary>The vendor's public API root, used when <c>BaseUrl</c> is not configured.</summary>
    Uri DefaultBaseUrl { get; }

    /// <summary>Whether the service refuses to answer without an <c>api_key</c> secret.</summary>
    bool RequiresKey { get; }

    /// <summary>The free tier's quota, used when <c>RateLimitPermits</c>/<c>RateLimitWindowSeconds</c> are not configured.</summary>
    RateLimit DefaultRateLimit { get; }

    /// <summary>How long an answer stays fresh, unless <c>CacheMinutes</c> is configured.</summary>
    TimeSpan DefaultValidFor { get; }

    bool Supports(EntityType type, ConnectorOptions options);

    OutboundRequest Build(Entity entity, Uri baseUrl, string? apiKey, ConnectorOptions options);

    /// <summary>Reads an answer: a success, or a status the service uses for "nothing known" (404 on most).</summary>
    EnrichmentResult? Read(Entity entity, ConnectorResponse response, DateTimeOffset at, TimeSpan validFor, ConnectorOptions options);
}
