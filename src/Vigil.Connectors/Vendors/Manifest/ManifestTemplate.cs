using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Vigil.Connectors.Vendors.Manifest;

/// <summary>
/// A request template: literal text with <c>{{ source.name | filter }}</c> placeholders. Sources are <c>inputs</c>,
/// <c>settings</c>, <c>secrets</c>, <c>call</c> (request_id, case_id, idempotency_key, attribution) and
/// <c>rollback_token</c>. Every placeholder must name the escaping its position needs (<c>url</c> in paths,
/// <c>json</c> in bodies, <c>header</c> in headers), checked when the manifest loads, so an input can never change the
/// structure of the request it is placed in.
/// </summary>
internal sealed partial class ManifestTemplate
{
    private static readonly string[] CallFields = ["request_id", "case_id", "idempotency_key", "attribution", "action_type"];
    private readonly List<object> _parts;

    private ManifestTemplate(List<object> parts) => _parts = parts;

    /// <summary>True when rendering places a secret: the rendered text must then be treated as a credential.</summary>
    public bool UsesSecret => _parts.OfType<Placeholder>().Any(p => p.Source == "secrets");

    public IEnumerable<(string Source, string Name)> References => _parts.OfType<Placeholder>().Select(p => (p.Source, p.Name));

    public static ManifestTemplate Parse(string text, string filter, string where, ManifestDocument manifest, ManifestAction action, List<string> problems)
    {
        var parts = new List<object>();
        var at = 0;
        foreach (Match match in PlaceholderPattern().Matches(text))
        {
            parts.Add(text[at..match.Index]);
            at = match.Index + match.Length;
            var source = match.Groups["source"].Value;
            var name = match.Groups["name"].Value;
            var given = match.Groups["filter"].Value;
            if (given != filter)
            {
                problems.Add($"{where}: '{match.Value}' must use the '{filter}' filter here");
            }

            var known = source switch
            {
                "inputs" => action.Inputs.Contains(name),
                "settings" => manifest.Settings.Contains(name),
                "secrets" => manifest.Secrets.Contains(name),
                "call" => CallFields.Contains(name),
                "rollback_token" => name.Length == 0,
                _ => false,
            };
            if (!known)
            {
                problems.Add($"{where}: '{match.Value}' refers to nothing declared (inputs, settings and secrets must be listed; call has {string.Join(", ", CallFields)})");
            }

            parts.Add(new Placeholder(source, name, filter));
        }

        parts.Add(text[at..]);
        if (parts.OfType<string>().Any(literal => literal.Contains("{{", StringComparison.Ordinal)))
        {
            problems.Add($"{where}: a '{{{{' that is not a placeholder of the form {{{{ source.name | filter }}}}");
        }

        return new ManifestTemplate(parts);
    }

    /// <param name="maskSecrets">For simulation: secrets render as <c>***</c>, so a described request holds none.</param>
    public string Render(Func<string, string, string?> resolve, bool maskSecrets)
    {
        var text = new StringBuilder();
        foreach (var part in _parts)
        {
            if (part is string literal)
            {
                text.Append(literal);
                continue;
            }

            var placeholder = (Placeholder)part;
            var value = placeholder.Source == "secrets" && maskSecrets ? "***" : resolve(placeholder.Source, placeholder.Name)
                ?? throw new ConnectorInputException($"{placeholder.Source}{(placeholder.Name.Length > 0 ? "." + placeholder.Name : string.Empty)} has no value");
            text.Append(placeholder.Filter switch
            {
                "url" => Uri.EscapeDataString(value),
                "json" => JsonSerializer.Serialize(value),
                "header" => value.Any(char.IsControl) ? throw new ConnectorInputException("a header value cannot hold control characters") : value,
                _ => throw new InvalidOperationException($"unknown filter {placeholder.Filter}"),
            });
        }

        return text.ToString();
    }

    [GeneratedRegex(@"\{\{\s*(?<source>[a-z_]+)(?:\.(?<name>[A-Za-z0-9_]+))?\s*(?:\|\s*(?<filter>[a-z]+)\s*)?\}\}")]
    private static partial Regex PlaceholderPattern();

    private sealed record Placeholder(string Source, string Name, string Filter);
}
