using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Vigil.Api;

/// <summary>Renders the OpenAPI document as one HTML page, once (the document cannot change while the process runs).</summary>
internal sealed partial class ApiReferencePage(IServiceProvider services)
{
    public const string DocumentName = "v1";

    private static readonly string[] Methods = ["get", "post", "put", "patch", "delete"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _html;

    public async Task<string> RenderAsync(CancellationToken cancellationToken)
    {
        if (_html is not null)
        {
            return _html;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_html is null)
            {
                var provider = services.GetRequiredKeyedService<IOpenApiDocumentProvider>(DocumentName);
                var document = await provider.GetOpenApiDocumentAsync(cancellationToken);
                var json = await document.SerializeAsJsonAsync(OpenApiSpecVersion.OpenApi3_1, cancellationToken);
                _html = Render(JsonNode.Parse(json)!.AsObject());
            }

            return _html;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static string Render(JsonObject document)
    {
        var html = new StringBuilder(64 * 1024);
        var title = Text(document["info"]?["title"]) ?? "Vigil API";
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>").Append(Encode(title))
            .Append("</title><link rel=\"stylesheet\" href=\"/api/reference.css\"></head><body><header><h1>").Append(Encode(title))
            .Append(" <small>").Append(Encode(Text(document["info"]?["version"]) ?? string.Empty)).Append("</small></h1>");
        if (Text(document["info"]?["description"]) is { } description)
        {
            html.Append("<p>").Append(Encode(description)).Append("</p>");
        }

        html.Append("<p>Machine-readable: <a href=\"/openapi/v1.json\">/openapi/v1.json</a>. Authenticate with <code>Authorization: Bearer vgl_…</code>.</p></header>");
        var byTag = GroupByTag(document);
        html.Append("<nav><ul>");
        foreach (var (tag, operations) in byTag)
        {
            html.Append("<li><a href=\"#tag-").Append(Anchor(tag)).Append("\">").Append(Encode(tag)).Append("</a><ul>");
            foreach (var operation in operations)
            {
                html.Append("<li><a href=\"#").Append(Anchor(operation.Id)).Append("\"><span class=\"method ").Append(operation.Method).Append("\">")
                    .Append(operation.Method.ToUpperInvariant()).Append("</span> ").Append(Encode(operation.Path)).Append("</a></li>");
            }

            html.Append("</ul></li>");
        }

        html.Append("<li><a href=\"#schemas\">Schemas</a></li></ul></nav><main>");
        foreach (var (tag, operations) in byTag)
        {
            html.Append("<section id=\"tag-").Append(Anchor(tag)).Append("\"><h2>").Append(Encode(tag)).Append("</h2>");
            foreach (var operation in operations)
            {
                RenderOperation(html, operation);
            }

            html.Append("</section>");
        }

        RenderSchemas(html, document["components"]?["schemas"] as JsonObject);
        html.Append("</main></body></html>");
        return html.ToString();
    }

    private static List<(string Tag, List<Operation> Operations)> GroupByTag(JsonObject document)
    {
        var groups = new List<(string Tag, List<Operation> Operations)>();
        foreach (var (path, item) in document["paths"] as JsonObject ?? [])
        {
            foreach (var method in Methods)
            {
                if (item?[method] is not JsonObject operation)
                {
                    continue;
                }

                var tag = Text(operation["tags"]?[0]) ?? "Other";
                var id = Text(operation["operationId"]) ?? $"{method}-{path}";
                var index = groups.FindIndex(g => g.Tag == tag);
                if (index < 0)
                {
                    groups.Add((tag, []));
                    index = groups.Count - 1;
                }

                groups[index].Operations.Add(new Operation(id, method, path, operation));
            }
        }

        return groups;
    }

    private static void RenderOperation(StringBuilder html, Operation operation)
    {
        var node = operation.Node;
        html.Append("<article id=\"").Append(Anchor(operation.Id)).Append("\"><h3><span class=\"method ").Append(operation.Method).Append("\">")
            .Append(operation.Method.ToUpperInvariant()).Append("</span> <code>").Append(Encode(operation.Path)).Append("</code></h3>");
        if (Text(node["summary"]) is { } summary)
        {
            html.Append("<p class=\"summary\">").Append(Encode(summary)).Append("</p>");
        }

        if (Text(node["description"]) is { } description)
        {
            html.Append("<p>").Append(Encode(description)).Append("</p>");
        }

        html.Append("<p class=\"auth\">").Append(node["security"] is JsonArray { Count: > 0 } ? "Requires a bearer API key." : "No authentication.").Append("</p>");
        if (node["parameters"] is JsonArray { Count: > 0 } parameters)
        {
            html.Append("<h4>Parameters</h4><table><thead><tr><th>Name</th><th>In</th><th>Type</th><th>Required</th><th>Description</th></tr></thead><tbody>");
            foreach (var parameter in parameters)
            {
                html.Append("<tr><td><code>").Append(Encode(Text(parameter?["name"]) ?? "?")).Append("</code></td><td>")
                    .Append(Encode(Text(parameter?["in"]) ?? string.Empty)).Append("</td><td>");
                SchemaType(html, parameter?["schema"]);
                html.Append("</td><td>").Append(parameter?["required"]?.GetValue<bool>() == true ? "yes" : "no").Append("</td><td>")
                    .Append(Encode(Text(parameter?["description"]) ?? string.Empty)).Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        if (node["requestBody"]?["content"] is JsonObject body)
        {
            html.Append("<h4>Request body</h4><ul>");
            foreach (var (mediaType, content) in body)
            {
                html.Append("<li><code>").Append(Encode(mediaType)).Append("</code>: ");
                SchemaType(html, content?["schema"]);
                html.Append("</li>");
            }

            html.Append("</ul>");
        }

        if (node["responses"] is JsonObject responses)
        {
            html.Append("<h4>Responses</h4><table><thead><tr><th>Status</th><th>Description</th><th>Body</th></tr></thead><tbody>");
            foreach (var (status, response) in responses)
            {
                html.Append("<tr><td>").Append(Encode(status)).Append("</td><td>").Append(Encode(Text(response?["description"]) ?? string.Empty)).Append("</td><td>");
                foreach (var (mediaType, content) in response?["content"] as JsonObject ?? [])
                {
                    html.Append("<code>").Append(Encode(mediaType)).Append("</code> ");
                    SchemaType(html, content?["schema"]);
                    html.Append("<br>");
                }

                html.Append("</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        html.Append("</article>");
    }

    private static void RenderSchemas(StringBuilder html, JsonObject? schemas)
    {
        html.Append("<section id=\"schemas\"><h2>Schemas</h2>");
        IEnumerable<KeyValuePair<string, JsonNode?>> ordered = schemas is null ? [] : schemas.OrderBy(s => s.Key, StringComparer.Ordinal);
        foreach (var (name, schema) in ordered)
        {
            html.Append("<article id=\"schema-").Append(Anchor(name)).Append("\"><h3>").Append(Encode(name)).Append("</h3>");
            if (Text(schema?["description"]) is { } description)
            {
                html.Append("<p>").Append(Encode(description)).Append("</p>");
            }

            if (schema?["enum"] is JsonArray values)
            {
                html.Append("<p>One of: ").Append(Encode(string.Join(", ", values.Select(v => v?.ToString())))).Append("</p>");
            }

            if (schema?["properties"] is JsonObject properties)
            {
                var required = (schema["required"] as JsonArray)?.Select(r => Text(r)).ToHashSet(StringComparer.Ordinal) ?? [];
                html.Append("<table><thead><tr><th>Field</th><th>Type</th><th>Required</th><th>Description</th></tr></thead><tbody>");
                foreach (var (property, definition) in properties)
                {
                    html.Append("<tr><td><code>").Append(Encode(property)).Append("</code></td><td>");
                    SchemaType(html, definition);
                    html.Append("</td><td>").Append(required.Contains(property) ? "yes" : "no").Append("</td><td>")
                        .Append(Encode(Text(definition?["description"]) ?? string.Empty)).Append("</td></tr>");
                }

                html.Append("</tbody></table>");
            }

            html.Append("</article>");
        }

        html.Append("</section>");
    }

    /// <summary>A schema as a short type expression, linking named schemas to their section.</summary>
    private static void SchemaType(StringBuilder html, JsonNode? schema)
    {
        if (schema is null)
        {
            html.Append("—");
            return;
        }

        if (Text(schema["$ref"]) is { } reference)
        {
            var name = reference[(reference.LastIndexOf('/') + 1)..];
            html.Append("<a href=\"#schema-").Append(Anchor(name)).Append("\">").Append(Encode(name)).Append("</a>");
            return;
        }

        var type = schema["type"] switch
        {
            JsonArray types => string.Join(" | ", types.Select(t => t?.ToString())),
            { } single => single.ToString(),
            null => schema["anyOf"] is not null || schema["oneOf"] is not null ? "one of" : "any",
        };
        if (type.Contains("array", StringComparison.Ordinal))
        {
            html.Append(Encode(type.Replace("array", string.Empty, StringComparison.Ordinal).Trim(' ', '|'))).Append(type == "array" ? string.Empty : " ").Append("array of ");
            SchemaType(html, schema["items"]);
            return;
        }

        html.Append(Encode(type));
        if (Text(schema["format"]) is { } format)
        {
            html.Append(" (").Append(Encode(format)).Append(')');
        }

        foreach (var alternative in (schema["anyOf"] ?? schema["oneOf"]) as JsonArray ?? [])
        {
            html.Append(' ');
            SchemaType(html, alternative);
        }
    }

    private static string? Text(JsonNode? node) => node is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static string Encode(string text) => System.Net.WebUtility.HtmlEncode(text);

    private static string Anchor(string text)
    {
        var anchor = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            anchor.Append(char.IsAsciiLetterOrDigit(c) ? char.ToLowerInvariant(c) : '-');
        }

        return anchor.ToString();
    }

    private sealed record Operation(string Id, string Method, string Path, JsonObject Node);
}
