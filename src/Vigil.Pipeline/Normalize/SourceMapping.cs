using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Pipeline.Normalize.Mapping;
using Vigil.Pipeline.Normalize.Ocsf;

namespace Vigil.Pipeline.Normalize;

/// <summary>
/// A compiled source mapping (one YAML file under content/mappings): recognises its source by shape and
/// turns that source's events into OCSF 1.8.0 events. Immutable and safe to share between threads.
/// </summary>
public sealed partial class SourceMapping
{
    private readonly Condition[] _match;
    private readonly CompiledVariant[] _variants;
    private readonly FieldPath[] _dedup;
    private readonly OcsfValidator _validator;

    internal SourceMapping(MappingHeader header, Condition[] match, CompiledVariant[] variants, FieldPath[] dedup, OcsfValidator validator)
    {
        Name = header.Name;
        Description = header.Description;
        Vendor = header.Vendor;
        Product = header.Product;
        Origin = header.Origin;
        _match = match;
        _variants = variants;
        _dedup = dedup;
        _validator = validator;
    }

    public string Name { get; }

    public string Description { get; }

    public string Vendor { get; }

    public string Product { get; }

    /// <summary>Where the mapping came from: "embedded" or the file path of an override.</summary>
    public string Origin { get; }

    /// <summary>How specific the shape test is; auto-detection prefers the most specific mapping that matches.</summary>
    public int MatchSpecificity => _match.Length;

    public bool CanAutoDetect => _match.Length > 0;

    public IEnumerable<int> ClassUids => _variants.Select(v => v.Class.ClassUid).Distinct();

    /// <summary>True when the event has this source's shape (every <c>match:</c> condition holds).</summary>
    public bool Matches(JsonElement root) =>
        _match.Length > 0 && root.ValueKind == JsonValueKind.Object && Condition.All(_match, root, root);

    /// <summary>Maps one event. Never throws for bad input: failures come back with their reason.</summary>
    public NormalizeResult Apply(JsonElement root, string raw, bool validate = true)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return NormalizeResult.Failed(Name, $"event is a JSON {root.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        var variant = SelectVariant(root);
        if (variant is null)
        {
            return NormalizeResult.Failed(Name, $"no variant of mapping '{Name}' applies to this event (variants: {DescribeVariants()})");
        }

        var context = ApplyContext.Rent(root);
        try
        {
            return Build(variant, context, raw, validate);
        }
        finally
        {
            ApplyContext.Return(context);
        }
    }

    private CompiledVariant? SelectVariant(JsonElement root)
    {
        foreach (var variant in _variants)
        {
            if (Condition.All(variant.When, root, root))
            {
                return variant;
            }
        }

        return null;
    }

    private string DescribeVariants() => string.Join(", ", _variants.Select(v => v.Name));
}
