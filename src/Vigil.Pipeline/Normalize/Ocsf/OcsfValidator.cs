using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Normalize.Ocsf;

/// <summary>
/// Checks an event against its class in the 1.8.0 extract: class known, required attributes present,
/// activity_id and severity_id within their enums, classification attributes consistent, and top-level
/// attribute values of the kind the dictionary type says. Nested objects are not checked: the extract
/// describes classes, not objects.
/// </summary>
public sealed class OcsfValidator(OcsfSchema schema)
{
    public static OcsfValidator Embedded { get; } = new(OcsfSchema.Embedded);

    public IReadOnlyList<OcsfFinding> Validate(JsonObject ocsfEvent)
    {
        List<OcsfFinding>? findings = null;
        if (!TryGetInt(ocsfEvent, "class_uid", out var classUid))
        {
            return [new OcsfFinding(OcsfFindingLevel.Error, "class_uid", "missing or not an integer")];
        }

        if (!schema.TryGetClass(classUid, out var definition))
        {
            return [new OcsfFinding(OcsfFindingLevel.Error, "class_uid", $"{classUid} is not an OCSF {OcsfSchema.Version} class")];
        }

        if (definition.Deprecated)
        {
            Add(ref findings, OcsfFindingLevel.Warning, "class_uid", $"{classUid} {definition.Ref.ClassName} is deprecated in OCSF {OcsfSchema.Version}");
        }

        foreach (var attribute in definition.Attributes.Values)
        {
            if (attribute.IsRequired && ocsfEvent[attribute.Name] is null)
            {
                Add(ref findings, OcsfFindingLevel.Error, attribute.Name, $"required by {definition.Ref.ClassName} but missing");
            }
        }

        foreach (var (name, value) in ocsfEvent)
        {
            if (!definition.Attributes.TryGetValue(name, out var attribute))
            {
                Add(ref findings, OcsfFindingLevel.Warning, name, $"not an attribute of {definition.Ref.ClassName}");
            }
            else if (value is not null && !HasExpectedKind(attribute, value))
            {
                Add(ref findings, OcsfFindingLevel.Error, name, $"expected {Describe(attribute)}, got {value.GetValueKind().ToString().ToLowerInvariant()}");
            }
        }

        CheckClassification(ocsfEvent, definition, ref findings);
        return findings ?? (IReadOnlyList<OcsfFinding>)[];
    }

    private static void CheckClassification(JsonObject ocsfEvent, OcsfClassDefinition definition, ref List<OcsfFinding>? findings)
    {
        if (TryGetInt(ocsfEvent, "activity_id", out var activityId) && definition.ActivityName(activityId) is null)
        {
            Add(ref findings, OcsfFindingLevel.Error, "activity_id", $"{activityId} is not in the {definition.Ref.ClassName} activity enum");
        }

        if (TryGetInt(ocsfEvent, "severity_id", out var severityId) && OcsfSchema.SeverityName(severityId) is null)
        {
            Add(ref findings, OcsfFindingLevel.Error, "severity_id", $"{severityId} is not in the severity enum (0-6, 99)");
        }

        if (TryGetInt(ocsfEvent, "category_uid", out var categoryUid) && categoryUid != definition.Ref.CategoryUid)
        {
            Add(ref findings, OcsfFindingLevel.Error, "category_uid", $"{categoryUid} does not match class category {definition.Ref.CategoryUid}");
        }

        if (TryGetLong(ocsfEvent["type_uid"], out var typeUid)
            && TryGetInt(ocsfEvent, "activity_id", out var activity) && typeUid != (definition.ClassUid * 100L) + activity)
        {
            Add(ref findings, OcsfFindingLevel.Error, "type_uid", $"{typeUid} is not class_uid*100 + activity_id");
        }
    }

    private static bool HasExpectedKind(OcsfAttribute attribute, JsonNode value)
    {
        if (attribute.IsArray)
        {
            return value is JsonArray array && array.All(item => item is null || HasScalarKind(attribute.Type, item));
        }

        return HasScalarKind(attribute.Type, value);
    }

    private static bool HasScalarKind(string type, JsonNode value)
    {
        var kind = value.GetValueKind();
        return type switch
        {
            "integer_t" or "long_t" or "timestamp_t" or "port_t" => kind == JsonValueKind.Number && IsIntegral(value),
            "float_t" => kind == JsonValueKind.Number,
            "boolean_t" => kind is JsonValueKind.True or JsonValueKind.False,
            "json_t" => true,
            _ when type.EndsWith("_t", StringComparison.Ordinal) => kind == JsonValueKind.String,
            _ => kind == JsonValueKind.Object,
        };
    }

    private static bool IsIntegral(JsonNode value) => TryGetLong(value, out _);

    // A JsonValue answers TryGetValue only for the CLR type it was built from (int, long) or its JsonElement.
    private static bool TryGetLong(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue number)
        {
            return false;
        }

        if (number.TryGetValue(out value))
        {
            return true;
        }

        if (number.TryGetValue<int>(out var narrow))
        {
            value = narrow;
            return true;
        }

        return number.TryGetValue<JsonElement>(out var element) && element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out value);
    }

    private static string Describe(OcsfAttribute attribute) => attribute.IsArray ? $"array of {attribute.Type}" : attribute.Type;

    private static bool TryGetInt(JsonObject ocsfEvent, string name, out int value)
    {
        value = 0;
        if (!TryGetLong(ocsfEvent[name], out var wide) || wide is < int.MinValue or > int.MaxValue)
        {
            return false;
        }

        value = (int)wide;
        return true;
    }

    private static void Add(ref List<OcsfFinding>? findings, OcsfFindingLevel level, string attribute, string problem) =>
        (findings ??= []).Add(new OcsfFinding(level, attribute, problem));
}
