using System.Globalization;
using System.Net;
using System.Text;
using Vigil.Connectors.Http;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Connectors.Enrichment;

/// <summary>
/// VirusTotal API v3: <c>GET files/{hash}</c>, <c>ip_addresses/{ip}</c>, <c>domains/{domain}</c> and
/// <c>urls/{id}</c> (the id is the URL in unpadded base64url), key in <c>x-apikey</c>. The verdict comes from
/// <c>data.attributes.last_analysis_stats</c>; 404 (NotFoundError) means VirusTotal has never seen it.
/// </summary>
public sealed class VirusTotalApi : IReputationApi
{
    public string Name => "virustotal";

    public Uri DefaultBaseUrl { get; } = new("https://www.virustotal.com/api/v3/");

    public bool RequiresKey => true;

    /// <summary>The public API allows 4 requests a minute (and 500 a day).</summary>
    public RateLimit DefaultRateLimit { get; } = new(4, TimeSpan.FromMinutes(1));

    public TimeSpan DefaultValidFor { get; } = TimeSpan.FromHours(24);

    public bool Supports(EntityType type, ConnectorOptions options) =>
        type is EntityType.FileHash or EntityType.Ip or EntityType.Domain or EntityType.Url;

    public OutboundRequest Build(Entity entity, Uri baseUrl, string? apiKey, ConnectorOptions options)
    {
        var path = entity.Type switch
        {
            EntityType.FileHash => "files/" + entity.Value,
            EntityType.Ip => "ip_addresses/" + entity.Value,
            EntityType.Domain => "domains/" + entity.Value,
            _ => "urls/" + Convert.ToBase64String(Encoding.UTF8.GetBytes(entity.Value)).TrimEnd('=').Replace('+', '-').Replace('/', '_'),
        };
        return new OutboundRequest
        {
            Method = HttpMethod.Get,
            Url = new Uri(baseUrl, path),
            SecretHeaders = new Dictionary<string, string> { ["x-apikey"] = apiKey ?? string.Empty },
        };
    }

    public EnrichmentResult? Read(Entity entity, ConnectorResponse response, DateTimeOffset at, TimeSpan validFor, ConnectorOptions options)
    {
        var json = response.Json();
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return JsonFields.Text(json, "error.code") == "NotFoundError" ? Results.NotFound(Name, entity, at, validFor) : null;
        }

        const string Attributes = "data.attributes.";
        var malicious = JsonFields.Number(json, Attributes + "last_analysis_stats.malicious") ?? 0;
        var suspicious = JsonFields.Number(json, Attributes + "last_analysis_stats.suspicious") ?? 0;
        var harmless = JsonFields.Number(json, Attributes + "last_analysis_stats.harmless") ?? 0;
        var undetected = JsonFields.Number(json, Attributes + "last_analysis_stats.undetected") ?? 0;
        var engines = malicious + suspicious + harmless + undetected;
        var verdict = malicious >= 3 ? "malicious" : malicious + suspicious > 0 ? "suspicious" : engines > 0 ? "benign" : "unknown";
        var analysed = JsonFields.Number(json, Attributes + "last_analysis_date") is { } unix
            ? DateTimeOffset.FromUnixTimeSeconds(unix).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            : null;
        var facts = new Pipeline.Enrich.Sources.Attributes()
            .Add("malicious", malicious)
            .Add("suspicious", suspicious)
            .Add("harmless", harmless)
            .Add("undetected", undetected)
            .Add("reputation", JsonFields.Number(json, Attributes + "reputation"))
            .Add("last_analysis_date", analysed)
            .Add("country", JsonFields.Text(json, Attributes + "country"))
            .Add("asn", JsonFields.Number(json, Attributes + "asn"))
            .Add("as_owner", JsonFields.Text(json, Attributes + "as_owner"))
            .Add("meaningful_name", JsonFields.Text(json, Attributes + "meaningful_name"))
            .Add("type_description", JsonFields.Text(json, Attributes + "type_description"))
            .Add("tags", JsonFields.Strings(json, Attributes + "tags"))
            .Add("link", $"https://www.virustotal.com/gui/search/{Uri.EscapeDataString(entity.Value)}");
        var score = engines == 0 ? (int?)null : (int)Math.Round(100.0 * malicious / engines);
        return Results.Found(Name, entity, at, facts.Build(), verdict, score, validFor);
    }
}
