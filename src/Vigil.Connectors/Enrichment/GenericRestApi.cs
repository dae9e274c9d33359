using System.Net;
using Vigil.Connectors.Http;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Connectors.Enrichment;

/// <summary>
/// A lookup service defined by configuration alone, under <c>Vigil:Connectors:&lt;name&gt;</c>: <c>BaseUrl</c>,
/// <c>Path</c> (with <c>{type}</c> and <c>{value}</c>, e.g. <c>lookup/{type}/{value}</c>), <c>Types</c>
/// (comma-separated entity types), <c>KeyHeader</c> (where the <c>api_key</c> secret goes, default
/// <c>X-Api-Key</c>), <c>VerdictPath</c> and <c>ScorePath</c> (dotted JSON paths), <c>Attributes</c>
/// (<c>name=path;name=path</c>, the facts to keep), and <c>FoundPath</c> (a path that must be present for "found"; a 404
/// is "not found" too).
/// </summary>
public sealed class GenericRestApi(string name) : IReputationApi
{
    public string Name => name;

    public Uri DefaultBaseUrl { get; } = new($"https://{name}.invalid/");

    public bool RequiresKey => false;

    public RateLimit DefaultRateLimit { get; } = new(60, TimeSpan.FromMinutes(1));

    public TimeSpan DefaultValidFor { get; } = TimeSpan.FromHours(1);

    public bool Supports(EntityType type, ConnectorOptions options) =>
        (options.Get("Types") ?? "ip,domain,url,file_hash").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Any(t => EntityTypeNames.TryParse(t, out var wanted) && wanted == type);

    public OutboundRequest Build(Entity entity, Uri baseUrl, string? apiKey, ConnectorOptions options)
    {
        var path = (options.Get("Path") ?? "{type}/{value}")
            .Replace("{type}", Uri.EscapeDataString(entity.Type.ToWire()), StringComparison.Ordinal)
            .Replace("{value}", Uri.EscapeDataString(entity.Value), StringComparison.Ordinal);
        return new OutboundRequest
        {
            Method = HttpMethod.Get,
            Url = new Uri(baseUrl, path.TrimStart('/')),
            SecretHeaders = apiKey is null ? new Dictionary<string, string>() : new Dictionary<string, string> { [options.Get("KeyHeader") ?? "X-Api-Key"] = apiKey },
        };
    }

    public EnrichmentResult? Read(Entity entity, ConnectorResponse response, DateTimeOffset at, TimeSpan validFor, ConnectorOptions options)
    {
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return Results.NotFound(Name, entity, at, validFor);
        }

        if (!response.IsSuccess)
        {
            return null;
        }

        var json = response.Json();
        if (options.Get("FoundPath") is { } foundPath && JsonFields.At(json, foundPath) is null)
        {
            return Results.NotFound(Name, entity, at, validFor);
        }

        var facts = new Attributes();
        foreach (var pair in (options.Get("Attributes") ?? string.Empty).Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                facts.Add(pair[..equals].Trim().ToLowerInvariant(), JsonFields.Text(json, pair[(equals + 1)..].Trim()));
            }
        }

        var verdict = options.Get("VerdictPath") is { } verdictPath ? JsonFields.Text(json, verdictPath)?.ToLowerInvariant() : null;
        var score = options.Get("ScorePath") is { } scorePath && JsonFields.Real(json, scorePath) is { } value
            ? (int)Math.Clamp(Math.Round(value), 0, 100)
            : (int?)null;
        return Results.Found(Name, entity, at, facts.Build(), verdict, score, validFor);
    }
}
