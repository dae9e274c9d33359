using System.Globalization;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Intel;

namespace Vigil.Pipeline.Enrich.Sources.Local;

/// <summary>
/// Matches an entity against the stored threat intelligence: address in network, domain and its parents, URL (and its
/// host), hashes, email (and its domain). An expired indicator that would have matched is reported as stale intel,
/// never as a hit.
/// </summary>
public sealed class IntelSource(IntelIndexCache cache, TimeProvider time) : IEnrichmentSource
{
    public const string SourceName = "intel";

    /// <summary>Confidence (STIX 0–100) at or above which a whole-pattern match is called malicious rather than suspicious.</summary>
    public const int MaliciousConfidence = 50;

    public string Name => SourceName;

    public bool Supports(EntityType type) =>
        type is EntityType.Ip or EntityType.Domain or EntityType.Host or EntityType.Url or EntityType.FileHash or EntityType.Email;

    public async Task<EnrichmentResult> LookupAsync(Entity entity, CancellationToken cancellationToken)
    {
        var index = await cache.GetAsync(cancellationToken);
        var matches = index.Match(entity, includeStale: true);
        var now = time.GetUtcNow();
        var live = matches.Where(m => !m.IsStale).OrderByDescending(m => m.Confidence).ToArray();
        var stale = matches.Where(m => m.IsStale)
            .Select(m => string.Create(CultureInfo.InvariantCulture, $"stale intel: {m.Indicator.Value} from {m.Indicator.Source} expired {m.Indicator.ValidUntil:yyyy-MM-dd}"))
            .ToArray();
        if (live.Length == 0)
        {
            return Results.NotFound(Name, entity, now, missing: stale);
        }

        var best = live[0];
        var whole = live.Where(m => !m.IsPartial).ToArray();
        var verdict = whole.Any(m => m.Confidence >= MaliciousConfidence) ? "malicious" : "suspicious";
        var attributes = new Attributes()
            .Add("indicator", best.Indicator.Value)
            .Add("indicator_type", best.Indicator.Type.ToWire())
            .Add("match_rule", Attributes.SnakeCase(best.Rule.ToString()))
            .Add("matches", live.Length)
            .Add("sources", live.Select(m => m.Indicator.Source).Distinct(StringComparer.Ordinal).ToArray())
            .Add("labels", live.SelectMany(m => m.Indicator.Labels).Distinct(StringComparer.Ordinal).ToArray())
            .Add("indicator_ids", live.Select(m => StoredIndicator.IdOf(m.Indicator)).Distinct(StringComparer.Ordinal).ToArray())
            .Add("partial", whole.Length == 0 ? true : null)
            .Add("reason", string.Join("; ", live.Take(3).Select(m => m.Reason)));
        return Results.Found(Name, entity, now, attributes.Build(), verdict, best.Confidence, missing: stale);
    }
}
