using System.Net;
using Vigil.Connectors.Http;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Connectors.Enrichment;

/// <summary>
/// GreyNoise <c>GET v3/community/{ip}</c> (key optional, in the <c>key</c> header): <c>noise</c> (seen scanning the
/// internet), <c>riot</c> (a known benign service), <c>classification</c>. A 404 is GreyNoise saying it has not
/// observed the address, which is itself an answer.
/// </summary>
public sealed class GreyNoiseApi : IReputationApi
{
    public string Name => "greynoise";

    public Uri DefaultBaseUrl { get; } = new("https://api.greynoise.io/");

    public bool RequiresKey => false;

    /// <summary>The community API is rate-limited per day; 50 lookups a day is its documented allowance without a plan.</summary>
    public RateLimit DefaultRateLimit { get; } = new(50, TimeSpan.FromDays(1));

    public TimeSpan DefaultValidFor { get; } = TimeSpan.FromHours(24);

    public bool Supports(EntityType type, ConnectorOptions options) => type == EntityType.Ip;

    public OutboundRequest Build(Entity entity, Uri baseUrl, string? apiKey, ConnectorOptions options) => new()
    {
        Method = HttpMethod.Get,
        Url = new Uri(baseUrl, "v3/community/" + entity.Value),
        SecretHeaders = apiKey is null ? new Dictionary<string, string>() : new Dictionary<string, string> { ["key"] = apiKey },
    };

    public EnrichmentResult? Read(Entity entity, ConnectorResponse response, DateTimeOffset at, TimeSpan validFor, ConnectorOptions options)
    {
        var json = response.Json();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return JsonFields.Flag(json, "noise") is false || JsonFields.Text(json, "message") is not null
                ? Results.NotFound(Name, entity, at, validFor)
                : null;
        }

        var classification = JsonFields.Text(json, "classification");
        var riot = JsonFields.Flag(json, "riot") ?? false;
        var verdict = classification switch
        {
            "malicious" => "malicious",
            "benign" => "benign",
            _ when riot => "benign",
            _ => "unknown",
        };
        var facts = new Attributes()
            .Add("noise", JsonFields.Flag(json, "noise"))
            .Add("riot", riot)
            .Add("classification", classification)
            .Add("name", JsonFields.Text(json, "name"))
            .Add("last_seen", JsonFields.Text(json, "last_seen"))
            .Add("link", JsonFields.Text(json, "link"));
        return Results.Found(Name, entity, at, facts.Build(), verdict, validFor: validFor);
    }
}
