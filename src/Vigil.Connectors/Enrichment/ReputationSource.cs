using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using Vigil.Connectors.Http;
using Vigil.Connectors.Secrets;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Connectors.Enrichment;

/// <summary>
/// A reputation service as an <see cref="IEnrichmentSource"/>: off unless <c>Vigil:Connectors:&lt;name&gt;:Enabled</c> is
/// true; its key is the connector secret <c>api_key</c>; answers are cached for their validity (<c>CacheMinutes</c>,
/// or the vendor's default) so a case storm does not spend the quota twice on one address; lookups beyond the rate
/// limit, timeouts, refusals and vendor errors become failed results that name the cause, and the shared HTTP client
/// records each call in the connector's health.
/// </summary>
public sealed class ReputationSource(IReputationApi api, ConnectorClients clients, ConnectorSecrets secrets, TimeProvider time) : IEnrichmentSource
{
    public const string KeySecret = "api_key";

    private readonly ConcurrentDictionary<string, EnrichmentResult> _cache = new(StringComparer.Ordinal);
    private SlidingWindowLimiter? _limiter;

    public string Name => api.Name;

    private ConnectorOptions Options => clients.Options(api.Name);

    public bool Supports(EntityType type)
    {
        var options = Options;
        return string.Equals(options.Get("Enabled"), "true", StringComparison.OrdinalIgnoreCase) && api.Supports(type, options);
    }

    public async Task<EnrichmentResult> LookupAsync(Entity entity, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (_cache.TryGetValue(entity.Key, out var cached) && cached.IsFreshAt(now))
        {
            return cached;
        }

        var options = Options;
        string? key;
        try
        {
            key = await secrets.GetAsync(api.Name, KeySecret, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return Results.Failed(Name, entity, now, $"{api.Name}: its {KeySecret} secret cannot be read ({ex.GetType().Name})");
        }

        if (key is null && api.RequiresKey)
        {
            return Results.Failed(Name, entity, now, $"{api.Name} is enabled but has no {KeySecret} secret (vigil connectors set-secret {api.Name} {KeySecret})");
        }

        var limiter = Limiter(options);
        if (!limiter.TryAcquire(out var retryAfter))
        {
            return Results.Failed(Name, entity, now, string.Create(CultureInfo.InvariantCulture,
                $"rate limit of {limiter.Limit} reached; not asked (next slot in {Math.Ceiling(retryAfter.TotalSeconds):0} s)"));
        }

        var request = api.Build(entity, options.BaseUrl ?? api.DefaultBaseUrl, key, options);
        var response = await clients.For(api.Name).SendAsync(request, cancellationToken);
        now = time.GetUtcNow();
        var result = response.IsSuccess || response.StatusCode == HttpStatusCode.NotFound
            ? api.Read(entity, response, now, ValidFor(options), options)
            : null;
        if (result is null)
        {
            var why = response.StatusCode == HttpStatusCode.TooManyRequests ? $"{api.Name} refused: quota exceeded ({response.Error})" : response.Error ?? "no answer";
            return Results.Failed(Name, entity, now, why);
        }

        _cache[entity.Key] = result;
        return result;
    }

    private TimeSpan ValidFor(ConnectorOptions options) =>
        double.TryParse(options.Get("CacheMinutes"), NumberStyles.Float, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? TimeSpan.FromMinutes(minutes)
            : api.DefaultValidFor;

    private SlidingWindowLimiter Limiter(ConnectorOptions options)
    {
        if (_limiter is { } existing)
        {
            return existing;
        }

        var permits = int.TryParse(options.Get("RateLimitPermits"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var p) && p > 0 ? p : api.DefaultRateLimit.Permits;
        var window = double.TryParse(options.Get("RateLimitWindowSeconds"), NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0
            ? TimeSpan.FromSeconds(s)
            : api.DefaultRateLimit.Window;
        return Interlocked.CompareExchange(ref _limiter, new SlidingWindowLimiter(new RateLimit(permits, window), time), null) ?? _limiter;
    }
}
