using System.Net.Http.Headers;
using System.Text.Json;
using Vigil.Connectors.Http;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Connectors.Enrichment;

/// <summary>
/// A MISP instance's <c>POST attributes/restSearch</c> for the entity's value (key in <c>Authorization</c>), answered
/// as <c>{"response": {"Attribute": [...]}}</c>. Any attribute flagged <c>to_ids</c> makes the verdict malicious;
/// attributes kept only for context make it suspicious.
/// </summary>
public sealed class MispApi : IReputationApi
{
    private const int Limit = 50;

    public string Name => "misp";

    /// <summary>MISP is self-hosted: there is no public default, so BaseUrl must be configured.</summary>
    public Uri DefaultBaseUrl { get; } = new("https://misp.invalid/");

    public bool RequiresKey => true;

    public RateLimit DefaultRateLimit { get; } = new(600, TimeSpan.FromMinutes(1));

    public TimeSpan DefaultValidFor { get; } = TimeSpan.FromHours(1);

    public bool Supports(EntityType type, ConnectorOptions options) =>
        type is EntityType.Ip or EntityType.Domain or EntityType.Url or EntityType.FileHash or EntityType.Email or EntityType.Host;

    public OutboundRequest Build(Entity entity, Uri baseUrl, string? apiKey, ConnectorOptions options) => new()
    {
        Method = HttpMethod.Post,
        Url = new Uri(baseUrl, "attributes/restSearch"),
        Body = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["returnFormat"] = "json",
            ["value"] = entity.Value,
            ["limit"] = Limit,
            ["includeEventTags"] = true,
        }),
        Authorization = new AuthenticationHeaderValue(apiKey ?? "missing"),
    };

    public EnrichmentResult? Read(Entity entity, ConnectorResponse response, DateTimeOffset at, TimeSpan validFor, ConnectorOptions options)
    {
        if (!response.IsSuccess)
        {
            return null;
        }

        var json = response.Json();
        if (JsonFields.At(json, "response.Attribute") is not { ValueKind: JsonValueKind.Array } attributes)
        {
            return null;
        }

        var found = attributes.EnumerateArray().ToArray();
        if (found.Length == 0)
        {
            return Results.NotFound(Name, entity, at, validFor);
        }

        var forDetection = found.Count(a => JsonFields.Flag(a, "to_ids") == true || JsonFields.Text(a, "to_ids") == "1");
        var facts = new Attributes()
            .Add("attributes", found.Length)
            .Add("to_ids", forDetection)
            .Add("events", Distinct(found, a => JsonFields.Text(a, "Event.info") is { } info ? $"{JsonFields.Text(a, "event_id")}: {info}" : JsonFields.Text(a, "event_id")))
            .Add("categories", Distinct(found, a => JsonFields.Text(a, "category")))
            .Add("types", Distinct(found, a => JsonFields.Text(a, "type")))
            .Add("tags", Distinct(found.SelectMany(a => JsonFields.At(a, "Tag") is { ValueKind: JsonValueKind.Array } tags ? tags.EnumerateArray() : []), t => JsonFields.Text(t, "name")));
        return Results.Found(Name, entity, at, facts.Build(), forDetection > 0 ? "malicious" : "suspicious", validFor: validFor);
    }

    private static string[] Distinct(IEnumerable<JsonElement> items, Func<JsonElement, string?> select) =>
        [.. items.Select(select).OfType<string>().Distinct(StringComparer.Ordinal).Take(10)];
}
