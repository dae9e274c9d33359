using Vigil.Connectors.Http;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Connectors.Enrichment;

/// <summary>
/// AbuseIPDB API v2 <c>GET check?ipAddress=…&amp;maxAgeInDays=…</c>, key in the <c>Key</c> header. The score is
/// <c>data.abuseConfidenceScore</c> (0–100); <c>MaxAgeInDays</c> (default 90) bounds the reports it counts.
/// </summary>
public sealed class AbuseIpDbApi : IReputationApi
{
    public string Name => "abuseipdb";

    public Uri DefaultBaseUrl { get; } = new("https://api.abuseipdb.com/api/v2/");

    public bool RequiresKey => true;

    /// <summary>The free plan allows 1,000 checks a day.</summary>
    public RateLimit DefaultRateLimit { get; } = new(1000, TimeSpan.FromDays(1));

    public TimeSpan DefaultValidFor { get; } = TimeSpan.FromHours(12);

    public bool Supports(EntityType type, ConnectorOptions options) => type == EntityType.Ip;

    public OutboundRequest Build(Entity entity, Uri baseUrl, string? apiKey, ConnectorOptions options) => new()
    {
        Method = HttpMethod.Get,
        Url = new Uri(baseUrl, $"check?ipAddress={Uri.EscapeDataString(entity.Value)}&maxAgeInDays={options.Get("MaxAgeInDays") ?? "90"}"),
        SecretHeaders = new Dictionary<string, string> { ["Key"] = apiKey ?? string.Empty },
    };

    public EnrichmentResult? Read(Entity entity, ConnectorResponse response, DateTimeOffset at, TimeSpan validFor, ConnectorOptions options)
    {
        if (!response.IsSuccess)
        {
            return null;
        }

        var json = response.Json();
        if (JsonFields.Number(json, "data.abuseConfidenceScore") is not { } score)
        {
            return null;
        }

        var reports = JsonFields.Number(json, "data.totalReports") ?? 0;
        var verdict = score >= 75 ? "malicious" : score >= 25 ? "suspicious" : reports == 0 ? "unknown" : "benign";
        var facts = new Attributes()
            .Add("abuse_confidence", score)
            .Add("total_reports", reports)
            .Add("distinct_reporters", JsonFields.Number(json, "data.numDistinctUsers"))
            .Add("last_reported_at", JsonFields.Text(json, "data.lastReportedAt"))
            .Add("country_code", JsonFields.Text(json, "data.countryCode"))
            .Add("usage_type", JsonFields.Text(json, "data.usageType"))
            .Add("isp", JsonFields.Text(json, "data.isp"))
            .Add("domain", JsonFields.Text(json, "data.domain"))
            .Add("is_tor", JsonFields.Flag(json, "data.isTor"))
            .Add("is_whitelisted", JsonFields.Flag(json, "data.isWhitelisted"));
        return Results.Found(Name, entity, at, facts.Build(), verdict, (int)score, validFor);
    }
}
