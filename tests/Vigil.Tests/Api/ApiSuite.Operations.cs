using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Domain.Access;
using Vigil.Tests.Support;

namespace Vigil.Tests.Api;

public abstract partial class ApiSuite
{
    private static readonly Regex Sample = new(
        "^(?<name>[a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(?<labels>[a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"(\\\\.|[^\"\\\\])*\")*)\\})? (?<value>\\S+)$",
        RegexOptions.CultureInvariant);

    [Fact]
    public async Task OpenApiDocument_ListsEveryEndpointWithBearerScheme()
    {
        await using var host = await StartAsync();
        using var anonymous = host.Client(null);
        var document = await anonymous.GetJsonAsync("/openapi/v1.json");
        var paths = document["paths"]!.AsObject();

        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<IExcludeFromDescriptionMetadata>() is not { ExcludeFromDescription: true })
            .Where(e => e.Metadata.GetMetadata<HttpMethodMetadata>() is not null)
            .Where(e => !e.RoutePattern.RawText!.StartsWith("/openapi", StringComparison.Ordinal))
            .ToArray();
        Assert.True(endpoints.Length >= 19, $"only {endpoints.Length} endpoints found");
        foreach (var endpoint in endpoints)
        {
            var path = endpoint.RoutePattern.RawText!.TrimEnd('/');
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                var operation = paths[path]?[method.ToLowerInvariant()];
                Assert.True(operation is not null, $"{method} {path} is missing from the OpenAPI document");
                Assert.False(string.IsNullOrWhiteSpace((string?)operation["summary"]), $"{method} {path} has no summary");
                Assert.NotEmpty(operation["tags"]!.AsArray());
            }
        }

        Assert.Equal("bearer", (string)document["components"]!["securitySchemes"]!["bearer"]!["scheme"]!);
        Assert.NotNull(paths["/api/v1/cases/{id}"]!["get"]!["security"]);
        Assert.Null(paths["/healthz"]!["get"]!["security"]);
        Assert.NotNull(paths["/api/v1/alerts"]!["post"]!["requestBody"]);
    }

    [Fact]
    public async Task ReferencePage_RendersOperationsWithoutScriptUnderStrictCsp()
    {
        await using var host = await StartAsync();
        using var anonymous = host.Client(null);
        using var response = await anonymous.GetAsync(new Uri("/api/reference", UriKind.Relative), Ct);
        var html = await response.Content.ReadAsStringAsync(Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("id=\"submitalerts\"", html, StringComparison.Ordinal);
        Assert.Contains("/api/v1/cases/{id}/transitions", html, StringComparison.Ordinal);
        Assert.Contains("id=\"tag-cases\"", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        using var css = await anonymous.GetAsync(new Uri("/api/reference.css", UriKind.Relative), Ct);
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Metrics_AfterTraffic_ParseAsPrometheusTextWithCounters()
    {
        await using var host = await StartAsync();
        await SubmitAsync(host.Admin, "mx-1");
        using (var repeat = await host.Admin.PostJsonAsync("/api/v1/alerts", AlertJson("mx-1")))
        {
            await repeat.ExpectAsync(HttpStatusCode.OK);
        }

        using (var bad = await host.Admin.PostJsonAsync("/api/v1/alerts", "{}"))
        {
            await bad.ExpectAsync(HttpStatusCode.BadRequest);
        }

        using var scraper = await host.ClientWithScopesAsync(Permissions.MetricsRead);
        using var response = await scraper.GetAsync(new Uri("/metrics", UriKind.Relative), Ct);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Ct);
        var samples = ParsePrometheus(text);
        Assert.True(samples.ContainsKey("vigil_http_requests_total{route=\"/api/v1/alerts\",method=\"POST\",status=\"201\"}"), text);

        Assert.Equal(2, samples["vigil_alerts_received_total"]);
        Assert.Equal(1, samples["vigil_alerts_created_total"]);
        Assert.Equal(1, samples["vigil_alerts_duplicate_total"]);
        Assert.Equal(1, samples["vigil_dead_letters_total"]);
        Assert.Equal(1, samples["vigil_store_alerts"]);
        Assert.Equal(1, samples["vigil_store_dead_letters_pending"]);
        Assert.Equal(1, samples["vigil_http_requests_total{route=\"/api/v1/alerts\",method=\"POST\",status=\"201\"}"]);
        Assert.Equal(3, samples["vigil_http_request_duration_seconds_count{route=\"/api/v1/alerts\"}"]);
        Assert.Equal(3, samples["vigil_http_request_duration_seconds_bucket{route=\"/api/v1/alerts\",le=\"+Inf\"}"]);
    }

    [Fact]
    public async Task Healthz_StoreUp_Returns200WithModeAndNoSecrets()
    {
        await using var host = await StartAsync();
        using var anonymous = host.Client(null);
        var health = await anonymous.GetJsonAsync("/healthz");

        Assert.Equal("ok", (string)health["status"]!);
        Assert.Equal(host.Store.Mode.ToString().ToLowerInvariant(), (string)health["store_mode"]!);
        Assert.DoesNotContain("password", health.ToJsonString(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/healthz", true)]
    [InlineData("/api/v1/cases", false)]
    [InlineData("/api/v1/nowhere", true)]
    public async Task EveryResponse_CarriesSecurityHeaders(string path, bool authenticated)
    {
        await using var host = await StartAsync();
        using var client = host.Client(authenticated ? host.AdminToken : null);
        using var response = await client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Contains("frame-ancestors 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static Dictionary<string, double> ParsePrometheus(string text)
    {
        var samples = new Dictionary<string, double>(StringComparer.Ordinal);
        var typed = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in text.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line.StartsWith("# TYPE ", StringComparison.Ordinal))
            {
                var parts = line.Split(' ');
                Assert.Contains(parts[3], new[] { "counter", "gauge", "histogram" });
                typed.Add(parts[2]);
                continue;
            }

            if (line.StartsWith("# HELP ", StringComparison.Ordinal))
            {
                continue;
            }

            var match = Sample.Match(line);
            Assert.True(match.Success, $"not a Prometheus sample line: {line}");
            var name = match.Groups["name"].Value;
            var family = Regex.Replace(name, "_(bucket|sum|count)$", string.Empty);
            Assert.True(typed.Contains(name) || typed.Contains(family), $"{name} has no # TYPE line before it");
            var value = match.Groups["value"].Value;
            samples[line[..line.LastIndexOf(' ')]] = value == "+Inf" ? double.PositiveInfinity : double.Parse(value, CultureInfo.InvariantCulture);
        }

        return samples;
    }
}
