using System.Reflection;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace Vigil.Connectors.Vendors.Manifest;

/// <summary>
/// Reads connector manifests: the ones shipped (content/connectors/*.yaml, embedded) and those in
/// <c>Vigil:Connectors:ManifestDirectory</c>, which replace shipped ones of the same name. A manifest with any problem is
/// refused whole, with every problem named.
/// </summary>
internal static partial class ManifestLoader
{
    private const string ResourcePrefix = "Vigil.Connectors.Manifests.";

    private static readonly IDeserializer Yaml = new DeserializerBuilder().WithNamingConvention(UnderscoredNamingConvention.Instance).Build();

    public static IReadOnlyList<LoadedManifest> LoadAll(string? directory)
    {
        var byName = new Dictionary<string, LoadedManifest>(StringComparer.Ordinal);
        var assembly = Assembly.GetExecutingAssembly();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
            var manifest = Load(resource[ResourcePrefix.Length..], reader.ReadToEnd());
            byName[manifest.Name] = manifest;
        }

        if (directory is not null && Directory.Exists(directory))
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal))
            {
                var manifest = Load(file, File.ReadAllText(file));
                byName[manifest.Name] = manifest;
            }
        }

        return [.. byName.Values.OrderBy(m => m.Name, StringComparer.Ordinal)];
    }

    public static LoadedManifest Load(string source, string yaml)
    {
        ManifestDocument document;
        try
        {
            document = Yaml.Deserialize<ManifestDocument>(yaml) ?? throw new ManifestLoadException([$"{source}: empty manifest"]);
        }
        catch (YamlException ex)
        {
            throw new ManifestLoadException([$"{source}:{ex.Start.Line}: {(ex.InnerException ?? ex).Message}"]);
        }

        var problems = new List<string>();
        if (!Slug().IsMatch(document.Name))
        {
            problems.Add($"{source}: name '{document.Name}' must be lower-case letters, digits and '-' (it is the connector name)");
        }

        Uri? baseUrl = null;
        if (document.BaseUrl is { } url && !Uri.TryCreate(url.TrimEnd('/') + "/", UriKind.Absolute, out baseUrl))
        {
            problems.Add($"{source}: base_url '{url}' is not an absolute URL");
        }

        if (document.Actions.Count == 0)
        {
            problems.Add($"{source}: no actions");
        }

        var actions = new Dictionary<string, LoadedAction>(StringComparer.Ordinal);
        foreach (var (type, action) in document.Actions)
        {
            var where = $"{source}: actions.{type}";
            if (!ActionType().IsMatch(type))
            {
                problems.Add($"{where}: '{type}' is not a catalogue action type (like indicator.block)");
            }

            var method = action.Request.Method.ToUpperInvariant();
            if (method is not ("GET" or "POST" or "PUT" or "PATCH" or "DELETE"))
            {
                problems.Add($"{where}.request.method: '{action.Request.Method}' is not GET, POST, PUT, PATCH or DELETE");
            }

            if (action.Request.Path.Length == 0 || action.Request.Path.Contains("://", StringComparison.Ordinal))
            {
                problems.Add($"{where}.request.path: a path relative to the base URL is required");
            }

            var path = ManifestTemplate.Parse(action.Request.Path, "url", $"{where}.request.path", document, action, problems);
            var headers = action.Request.Headers.ToDictionary(h => h.Key, h => ManifestTemplate.Parse(h.Value, "header", $"{where}.request.headers.{h.Key}", document, action, problems));
            var body = action.Request.Body is { } text ? ManifestTemplate.Parse(text, "json", $"{where}.request.body", document, action, problems) : null;
            var templates = headers.Values.Append(path).Concat(body is null ? [] : [body]).ToArray();
            if (action.Expect.Any(status => status is < 200 or > 299))
            {
                problems.Add($"{where}.expect: only 2xx statuses can mean success");
            }

            actions[type] = new LoadedAction
            {
                Method = HttpMethod.Parse(method),
                Path = path,
                Headers = headers,
                Body = body,
                ContentType = action.Request.ContentType,
                Expect = action.Expect,
                Result = action.Result,
                Secrets = [.. templates.SelectMany(t => t.References).Where(r => r.Source == "secrets").Select(r => r.Name).Distinct()],
            };
        }

        return problems.Count == 0
            ? new LoadedManifest { Name = document.Name, Title = document.Title ?? document.Name, BaseUrl = baseUrl, Actions = actions, Source = source }
            : throw new ManifestLoadException(problems);
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9-]{0,63}$")]
    private static partial Regex Slug();

    [GeneratedRegex("^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$")]
    private static partial Regex ActionType();
}
