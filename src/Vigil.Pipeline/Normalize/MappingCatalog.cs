using System.Text.Json;
using Vigil.Pipeline.Normalize.Mapping;
using Vigil.Pipeline.Normalize.Ocsf;

namespace Vigil.Pipeline.Normalize;

/// <summary>
/// The source mappings Vigil knows: those shipped in this assembly (content/mappings/*.yaml, embedded) and,
/// replacing them by source name, any *.yaml in an override directory. Compiled once; thread-safe.
/// </summary>
public sealed class MappingCatalog
{
    public const string Auto = "auto";

    private const string ResourcePrefix = "Vigil.Mappings.";

    private readonly Dictionary<string, SourceMapping> _byName;
    private readonly SourceMapping[] _detectOrder;

    private MappingCatalog(IEnumerable<SourceMapping> mappings)
    {
        _byName = new Dictionary<string, SourceMapping>(StringComparer.Ordinal);
        foreach (var mapping in mappings)
        {
            _byName[mapping.Name] = mapping;
        }

        // Most specific shape first, so that a generic mapping never shadows a precise one.
        _detectOrder = [.. _byName.Values.Where(m => m.CanAutoDetect)
            .OrderByDescending(m => m.MatchSpecificity).ThenBy(m => m.Name, StringComparer.Ordinal)];
    }

    public IReadOnlyCollection<SourceMapping> Mappings => _byName.Values;

    /// <summary>The shipped mappings, plus overrides from <paramref name="overrideDirectory"/> when given.</summary>
    public static MappingCatalog Load(string? overrideDirectory = null)
    {
        var mappings = LoadEmbedded().ToList();
        if (overrideDirectory is not null)
        {
            mappings.AddRange(LoadDirectory(overrideDirectory));
        }

        return new MappingCatalog(mappings);
    }

    public static MappingCatalog From(IEnumerable<SourceMapping> mappings) => new(mappings);

    /// <summary>Compiles one mapping file; throws <see cref="MappingLoadException"/> naming file and line.</summary>
    public static SourceMapping CompileFile(string path) =>
        MappingCompiler.Compile(Path.GetFileName(path), File.ReadAllText(path), Path.GetFullPath(path), OcsfSchema.Embedded);

    public static SourceMapping Compile(string fileName, string yaml) =>
        MappingCompiler.Compile(fileName, yaml, fileName, OcsfSchema.Embedded);

    public bool TryGet(string name, out SourceMapping mapping) => _byName.TryGetValue(name, out mapping!);

    /// <summary>The most specific mapping whose <c>match:</c> conditions all hold, or null.</summary>
    public SourceMapping? Detect(JsonElement root)
    {
        foreach (var mapping in _detectOrder)
        {
            if (mapping.Matches(root))
            {
                return mapping;
            }
        }

        return null;
    }

    /// <summary>Normalises with the named mapping, or with the detected one when <paramref name="source"/> is "auto".</summary>
    public NormalizeResult Normalize(string source, JsonElement root, string raw, bool validate = true)
    {
        var mapping = source == Auto ? Detect(root) : TryGet(source, out var named) ? named : null;
        if (mapping is null)
        {
            return NormalizeResult.Failed(source, source == Auto
                ? "no shipped or overridden mapping recognises this event's shape"
                : $"no mapping named '{source}'");
        }

        return mapping.Apply(root, raw, validate);
    }

    private static IEnumerable<SourceMapping> LoadEmbedded()
    {
        var assembly = typeof(MappingCatalog).Assembly;
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var reader = new StreamReader(stream);
            var fileName = resource[ResourcePrefix.Length..];
            yield return MappingCompiler.Compile(fileName, reader.ReadToEnd(), "embedded", OcsfSchema.Embedded);
        }
    }

    private static IEnumerable<SourceMapping> LoadDirectory(string directory)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"Mapping directory '{directory}' does not exist.");
        }

        return Directory.EnumerateFiles(directory, "*.yaml").Order(StringComparer.Ordinal).Select(CompileFile).ToList();
    }
}
