using System.Collections.Frozen;
using System.Text.Json;
using Vigil.Domain.Events;

namespace Vigil.Pipeline.Normalize.Ocsf;

/// <summary>
/// The OCSF 1.8.0 classes Vigil normalises onto, read from the flat extract embedded in this assembly
/// (content/ocsf/ocsf_1.8.0_classes_flat.json, Apache-2.0, see its PROVENANCE).
/// </summary>
public sealed class OcsfSchema
{
    public const string Version = "1.8.0";

    private const string ResourceName = "Vigil.Ocsf.ocsf_1.8.0_classes_flat.json";

    // The extract names categories but does not caption them; these captions are OCSF 1.8.0 categories.json.
    private static readonly FrozenDictionary<int, string> CategoryCaptions = new Dictionary<int, string>
    {
        [1] = "System Activity",
        [2] = "Findings",
        [3] = "Identity & Access Management",
        [4] = "Network Activity",
        [5] = "Discovery",
        [6] = "Application Activity",
        [7] = "Remediation",
        [8] = "Unmanned Systems",
    }.ToFrozenDictionary();

    private static readonly Lazy<OcsfSchema> EmbeddedSchema = new(LoadEmbedded);

    private readonly FrozenDictionary<int, OcsfClassDefinition> _classes;

    private OcsfSchema(FrozenDictionary<int, OcsfClassDefinition> classes) => _classes = classes;

    public static OcsfSchema Embedded => EmbeddedSchema.Value;

    public IEnumerable<OcsfClassDefinition> Classes => _classes.Values.OrderBy(c => c.ClassUid);

    public bool TryGetClass(int classUid, out OcsfClassDefinition definition) =>
        _classes.TryGetValue(classUid, out definition!);

    /// <summary>OCSF severity_id captions (base event): 0–6 and 99.</summary>
    public static string? SeverityName(int severityId) => severityId switch
    {
        0 => "Unknown",
        1 => "Informational",
        2 => "Low",
        3 => "Medium",
        4 => "High",
        5 => "Critical",
        6 => "Fatal",
        99 => "Other",
        _ => null,
    };

    public static OcsfSchema Load(Stream flatJson)
    {
        using var document = JsonDocument.Parse(flatJson);
        var classes = new Dictionary<int, OcsfClassDefinition>();
        foreach (var entry in document.RootElement.GetProperty("classes").EnumerateObject())
        {
            var classUid = int.Parse(entry.Name, System.Globalization.CultureInfo.InvariantCulture);
            var body = entry.Value;
            var categoryUid = body.GetProperty("category_uid").GetInt32();
            var attributes = new Dictionary<string, OcsfAttribute>(StringComparer.Ordinal);
            foreach (var attribute in body.GetProperty("attributes").EnumerateObject())
            {
                attributes[attribute.Name] = ReadAttribute(attribute.Name, attribute.Value);
            }

            classes[classUid] = new OcsfClassDefinition
            {
                Ref = new OcsfClassRef(
                    classUid,
                    body.GetProperty("caption").GetString() ?? entry.Name,
                    categoryUid,
                    CategoryCaptions.GetValueOrDefault(categoryUid, body.GetProperty("category").GetString() ?? "")),
                Name = body.GetProperty("name").GetString() ?? entry.Name,
                Deprecated = body.TryGetProperty("deprecated", out var deprecated) && deprecated.ValueKind is not JsonValueKind.Null,
                Attributes = attributes.ToFrozenDictionary(StringComparer.Ordinal),
            };
        }

        return new OcsfSchema(classes.ToFrozenDictionary());
    }

    private static OcsfAttribute ReadAttribute(string name, JsonElement body)
    {
        Dictionary<int, string>? values = null;
        if (body.TryGetProperty("enum", out var enumeration) && enumeration.ValueKind == JsonValueKind.Object)
        {
            values = [];
            foreach (var value in enumeration.EnumerateObject())
            {
                values[int.Parse(value.Name, System.Globalization.CultureInfo.InvariantCulture)] = value.Value.GetString() ?? value.Name;
            }
        }

        return new OcsfAttribute
        {
            Name = name,
            Requirement = body.GetProperty("requirement").GetString() ?? "optional",
            Type = body.GetProperty("type").GetString() ?? "string_t",
            IsArray = body.TryGetProperty("is_array", out var isArray) && isArray.ValueKind == JsonValueKind.True,
            Enum = values,
        };
    }

    private static OcsfSchema LoadEmbedded()
    {
        using var stream = typeof(OcsfSchema).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from Vigil.Pipeline.");
        return Load(stream);
    }
}
