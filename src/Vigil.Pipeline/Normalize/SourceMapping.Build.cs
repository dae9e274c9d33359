using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Vigil.Domain;
using Vigil.Domain.Entities;
using Vigil.Domain.Events;
using Vigil.Pipeline.Normalize.Mapping;
using Vigil.Pipeline.Normalize.Ocsf;

namespace Vigil.Pipeline.Normalize;

public sealed partial class SourceMapping
{
    private NormalizeResult Build(CompiledVariant variant, ApplyContext context, string raw, bool validate)
    {
        var root = context.Root;
        var values = context.RentValues();
        try
        {
            variant.Time.Evaluate(context, root, values);
            if (values.Count == 0 || values[0].Kind != MappedValueKind.Integer)
            {
                var why = context.Problems is { Count: > 0 } problems ? string.Join("; ", problems) : $"time: no value at {Describe(variant.Time)}";
                return NormalizeResult.Failed(Name, why, Drift(context, null));
            }

            var time = values[0].Integer;
            var activityId = ReadInt(variant.Activity, context, values) ?? 0;
            var severityId = variant.Severity is null ? 0 : ReadSeverity(variant.Severity, context, values);
            var sourceRef = variant.SourceRef is null ? null : ReadText(variant.SourceRef, context, values);

            var ocsf = Classification(variant.Class, activityId, time, severityId, sourceRef);
            foreach (var field in variant.Fields)
            {
                field.Write(context, root, ocsf);
            }

            List<string>? newFields = null;
            if (variant.Trie.Residual(root, ref newFields) is { } unmapped)
            {
                ocsf["unmapped"] = unmapped;
            }

            var drift = Drift(context, newFields);
            var normalized = new NormalizedEvent
            {
                Source = Name,
                Class = variant.Class.Ref,
                ActivityId = activityId,
                Time = DateTimeOffset.FromUnixTimeMilliseconds(time),
                SeverityId = severityId,
                Title = Title(variant, context, activityId),
                SourceRef = sourceRef,
                Ocsf = ocsf,
                Entities = Entities(variant, context, values),
                Fingerprint = Fingerprint(root, raw),
                Raw = raw,
            };

            var findings = validate ? _validator.Validate(ocsf) : [];
            var errors = findings.Where(f => f.Level == OcsfFindingLevel.Error).Select(f => f.ToString()).ToList();
            return new NormalizeResult
            {
                Source = Name,
                Event = normalized,
                Drift = drift,
                Findings = findings,
                Failure = errors.Count == 0 ? null : $"OCSF {OcsfSchema.Version} validation failed: {string.Join("; ", errors)}",
            };
        }
        finally
        {
            context.ReturnValues(values);
        }
    }

    private JsonObject Classification(OcsfClassDefinition definition, int activityId, long time, int severityId, string? sourceRef)
    {
        var activityName = definition.ActivityName(activityId);
        var metadata = new JsonObject
        {
            ["version"] = OcsfSchema.Version,
            ["product"] = new JsonObject { ["name"] = Product, ["vendor_name"] = Vendor },
        };
        if (sourceRef is not null)
        {
            metadata["uid"] = sourceRef;
        }

        var ocsf = new JsonObject
        {
            ["class_uid"] = definition.ClassUid,
            ["class_name"] = definition.Ref.ClassName,
            ["category_uid"] = definition.Ref.CategoryUid,
            ["category_name"] = definition.Ref.CategoryName,
            ["activity_id"] = activityId,
            ["type_uid"] = (definition.ClassUid * 100L) + activityId,
            ["time"] = time,
            ["severity_id"] = severityId,
            ["metadata"] = metadata,
        };
        if (activityName is not null)
        {
            ocsf["activity_name"] = activityName;
            ocsf["type_name"] = $"{definition.Ref.ClassName}: {activityName}";
        }

        if (OcsfSchema.SeverityName(severityId) is { } severityName)
        {
            ocsf["severity"] = severityName;
        }

        return ocsf;
    }

    private static int? ReadInt(ValueExpression expression, ApplyContext context, List<MappedValue> values)
    {
        values.Clear();
        expression.Evaluate(context, context.Root, values);
        return values.Count > 0 && ValueSteps.TryInteger(values[0], out var integer) && integer is >= int.MinValue and <= int.MaxValue
            ? (int)integer
            : null;
    }

    // Vendors' own words ("high", "sev2") are accepted when the mapping does not map them explicitly.
    private static int ReadSeverity(ValueExpression expression, ApplyContext context, List<MappedValue> values)
    {
        if (ReadInt(expression, context, values) is { } number)
        {
            return number;
        }

        return values.Count > 0 && SeverityNames.TryParse(values[0].AsText(), out var severity) ? (int)severity : 0;
    }

    private static string? ReadText(ValueExpression expression, ApplyContext context, List<MappedValue> values)
    {
        values.Clear();
        expression.Evaluate(context, context.Root, values);
        return values.Count > 0 ? values[0].AsText() : null;
    }

    private static string Title(CompiledVariant variant, ApplyContext context, int activityId)
    {
        if (variant.Title is not null)
        {
            var title = ValueExpression.Render(variant.Title, context, context.Root).Trim();
            if (title.Length > 0)
            {
                return title;
            }
        }

        return $"{variant.Class.Ref.ClassName}: {variant.Class.ActivityName(activityId) ?? activityId.ToString(System.Globalization.CultureInfo.InvariantCulture)}";
    }

    private static IReadOnlyList<Entity> Entities(CompiledVariant variant, ApplyContext context, List<MappedValue> values)
    {
        List<Entity>? entities = null;
        foreach (var rule in variant.Entities)
        {
            values.Clear();
            rule.Expression.Evaluate(context, context.Root, values);
            foreach (var value in values)
            {
                if (value.IsScalar && Entity.TryCreate(rule.Type, value.AsText(), out var entity) && !(entities?.Contains(entity) ?? false))
                {
                    (entities ??= []).Add(entity);
                }
            }
        }

        return entities ?? (IReadOnlyList<Entity>)[];
    }

    // SHA-256 over the source name and each dedup field: the same alert re-sent by the vendor gets the same key.
    // Without dedup fields the raw payload is the key, so only byte-identical repeats collapse.
    private EventFingerprint Fingerprint(JsonElement root, string raw)
    {
        var fields = new DedupField[_dedup.Length];
        var text = new StringBuilder(Name).Append('\n');
        for (var i = 0; i < _dedup.Length; i++)
        {
            var element = _dedup[i].First(root, root);
            var value = MappedValue.TryFromElement(element, out var mapped) ? mapped.AsText() : "";
            fields[i] = new DedupField(_dedup[i].Text, value);
            text.Append(_dedup[i].Text).Append('=').Append(value).Append('\n');
        }

        if (_dedup.Length == 0)
        {
            text.Append(raw);
        }

        var source = text.ToString();
        var buffer = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(source.Length));
        try
        {
            Span<byte> hash = stackalloc byte[32];
            var length = Encoding.UTF8.GetBytes(source, buffer);
            SHA256.HashData(buffer.AsSpan(0, length), hash);
            return new EventFingerprint { Fields = fields, Value = Convert.ToHexStringLower(hash) };
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static SchemaDrift Drift(ApplyContext context, List<string>? newFields) =>
        context.Missing is null && context.Retyped is null && newFields is null
            ? SchemaDrift.None
            : new SchemaDrift
            {
                MissingFields = context.Missing?.ToArray() ?? [],
                NewFields = newFields ?? [],
                RetypedFields = context.Retyped?.ToArray() ?? [],
            };

    private static string Describe(ValueExpression expression) =>
        string.Join(" | ", expression.SourcePaths.Select(p => p.Text).DefaultIfEmpty(expression.Origin));
}
