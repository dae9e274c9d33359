using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Ingest;

/// <summary>
/// Parses the body of <c>POST /api/v1/alerts</c>: one alert object, a JSON array of them, or <c>{"alerts": [...]}</c>.
/// Strict by design: unknown fields and wrong types are errors with their JSON path, because a field silently
/// ignored is evidence silently lost. The raw payload is the sender's own text, sliced, never re-serialised.
/// </summary>
public sealed partial class AlertSubmissionParser(TimeProvider time, SubmissionLimits? limits = null)
{
    private static readonly string[] Allowed = ["source", "source_ref", "title", "description", "severity", "occurred_at", "entities", "tags", "raw"];

    private readonly SubmissionLimits _limits = limits ?? new SubmissionLimits();

    public AlertSubmission Parse(ReadOnlyMemory<byte> body)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = _limits.MaxDepth });
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"line {line + 1}, byte {ex.BytePositionInLine + 1}" : "the body";
            return Fail("$", $"malformed JSON at {where}: {FirstSentence(ex.Message)}", false);
        }

        using (document)
        {
            var root = document.RootElement;
            return root.ValueKind switch
            {
                JsonValueKind.Array => ParseMany(root, "$", isBatch: true),
                JsonValueKind.Object when root.TryGetProperty("alerts", out var alerts) => ParseEnvelope(root, alerts),
                JsonValueKind.Object => ParseMany(root, "$", isBatch: false),
                _ => Fail("$", $"expected an alert object, an array of alerts or {{\"alerts\": [...]}}, got {Describe(root.ValueKind)}", false),
            };
        }
    }

    private AlertSubmission ParseEnvelope(JsonElement root, JsonElement alerts)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.Name != "alerts")
            {
                return Fail($"$.{property.Name}", "unknown field next to 'alerts' (a batch envelope holds only 'alerts')", true);
            }
        }

        return alerts.ValueKind == JsonValueKind.Array
            ? ParseMany(alerts, "$.alerts", isBatch: true)
            : Fail("$.alerts", $"expected an array, got {Describe(alerts.ValueKind)}", true);
    }

    private AlertSubmission ParseMany(JsonElement items, string path, bool isBatch)
    {
        var errors = new List<InputError>();
        var drafts = new List<AlertDraft>();
        string? sourceHint = null;
        if (!isBatch)
        {
            var draft = ParseOne(items, path, errors);
            sourceHint = TryReadSource(items);
            if (draft is not null)
            {
                drafts.Add(draft);
            }

            return new AlertSubmission(drafts, errors, false) { SourceHint = sourceHint ?? "unknown" };
        }

        var count = items.GetArrayLength();
        if (count == 0)
        {
            return Fail(path, "the batch is empty", true);
        }

        if (count > _limits.MaxBatch)
        {
            return Fail(path, $"the batch holds {count} alerts; at most {_limits.MaxBatch} are accepted per request", true);
        }

        var index = 0;
        foreach (var item in items.EnumerateArray())
        {
            var draft = ParseOne(item, $"{path}[{index}]", errors);
            sourceHint ??= TryReadSource(item);
            if (draft is not null)
            {
                drafts.Add(draft);
            }

            index++;
        }

        return new AlertSubmission(errors.Count == 0 ? drafts : [], errors, true) { SourceHint = sourceHint ?? "unknown" };
    }

    private AlertDraft? ParseOne(JsonElement item, string path, List<InputError> errors)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            errors.Add(new InputError(path, $"expected an alert object, got {Describe(item.ValueKind)}"));
            return null;
        }

        var before = errors.Count;
        foreach (var property in item.EnumerateObject())
        {
            if (Array.IndexOf(Allowed, property.Name) < 0)
            {
                errors.Add(new InputError($"{path}.{property.Name}", $"unknown field; allowed fields are {string.Join(", ", Allowed)}"));
            }
        }

        var source = RequiredString(item, "source", path, errors, 64)?.ToLowerInvariant();
        if (source is not null && !SourceName().IsMatch(source))
        {
            errors.Add(new InputError($"{path}.source", "must be 1-64 characters of a-z, 0-9, '.', '_' or '-', starting with a letter or digit"));
        }

        var title = RequiredString(item, "title", path, errors, _limits.MaxTitleLength);
        var sourceRef = OptionalString(item, "source_ref", path, errors, 512);
        var description = OptionalString(item, "description", path, errors, _limits.MaxDescriptionLength);
        var severity = ReadSeverity(item, path, errors);
        var occurredAt = ReadTime(item, path, errors);
        var entities = ReadEntities(item, path, errors);
        var tags = ReadTags(item, path, errors);
        var raw = item.TryGetProperty("raw", out var rawElement) ? rawElement.GetRawText() : item.GetRawText();

        if (errors.Count > before)
        {
            return null;
        }

        return new AlertDraft
        {
            Source = source!,
            SourceRef = sourceRef,
            Title = title!,
            Description = description,
            Severity = severity,
            OccurredAt = occurredAt,
            RawPayload = raw,
            Entities = entities,
            Tags = tags,
        };
    }

    private static string? RequiredString(JsonElement item, string name, string path, List<InputError> errors, int maxLength)
    {
        if (!item.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new InputError($"{path}.{name}", "is required"));
            return null;
        }

        return ReadString(value, $"{path}.{name}", errors, maxLength, required: true);
    }

    private static string? OptionalString(JsonElement item, string name, string path, List<InputError> errors, int maxLength) =>
        item.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? ReadString(value, $"{path}.{name}", errors, maxLength, required: false)
            : null;

    private static string? ReadString(JsonElement value, string path, List<InputError> errors, int maxLength, bool required)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            errors.Add(new InputError(path, $"expected a string, got {Describe(value.ValueKind)}"));
            return null;
        }

        var text = value.GetString()!;
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            // PostgreSQL text cannot hold U+0000, and no legitimate title or id needs it: refuse it on both engines alike.
            errors.Add(new InputError(path, "must not contain the NUL character (\\u0000)"));
            return null;
        }

        if (required && string.IsNullOrWhiteSpace(text))
        {
            errors.Add(new InputError(path, "must not be empty"));
            return null;
        }

        if (text.Length > maxLength)
        {
            errors.Add(new InputError(path, $"is {text.Length} characters long; at most {maxLength} are accepted"));
            return null;
        }

        return text.Trim();
    }

    private static Severity ReadSeverity(JsonElement item, string path, List<InputError> errors)
    {
        if (!item.TryGetProperty("severity", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            errors.Add(new InputError($"{path}.severity", "is required (informational, low, medium, high, critical, or 0-5)"));
            return Severity.Unknown;
        }

        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Number => value.GetRawText(),
            _ => null,
        };
        if (SeverityNames.TryParse(text, out var severity))
        {
            return severity;
        }

        errors.Add(new InputError($"{path}.severity", $"expected informational, low, medium, high, critical or 0-5, got {value.GetRawText()}"));
        return Severity.Unknown;
    }

    private DateTimeOffset ReadTime(JsonElement item, string path, List<InputError> errors)
    {
        if (!item.TryGetProperty("occurred_at", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return time.GetUtcNow();
        }

        if (value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var parsed))
        {
            return parsed;
        }

        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var epoch) && epoch > 0)
        {
            // Seconds or milliseconds since the epoch: anything past 10^11 seconds (year 5138) is milliseconds.
            return epoch < 100_000_000_000 ? DateTimeOffset.FromUnixTimeSeconds(epoch) : DateTimeOffset.FromUnixTimeMilliseconds(epoch);
        }

        errors.Add(new InputError($"{path}.occurred_at", $"expected an ISO-8601 time or epoch seconds/milliseconds, got {value.GetRawText()}"));
        return default;
    }

    private List<Entity> ReadEntities(JsonElement item, string path, List<InputError> errors)
    {
        var result = new List<Entity>();
        if (!item.TryGetProperty("entities", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            errors.Add(new InputError($"{path}.entities", $"expected an array of {{\"type\", \"value\"}} objects, got {Describe(value.ValueKind)}"));
            return result;
        }

        if (value.GetArrayLength() > _limits.MaxEntities)
        {
            errors.Add(new InputError($"{path}.entities", $"holds {value.GetArrayLength()} entities; at most {_limits.MaxEntities} are accepted"));
            return result;
        }

        var index = 0;
        foreach (var entity in value.EnumerateArray())
        {
            var at = $"{path}.entities[{index++}]";
            if (entity.ValueKind != JsonValueKind.Object
                || !entity.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !entity.TryGetProperty("value", out var raw) || raw.ValueKind != JsonValueKind.String)
            {
                errors.Add(new InputError(at, "expected {\"type\": string, \"value\": string}"));
                continue;
            }

            foreach (var property in entity.EnumerateObject())
            {
                if (property.Name is not ("type" or "value"))
                {
                    errors.Add(new InputError($"{at}.{property.Name}", "unknown field; an entity has only 'type' and 'value'"));
                }
            }

            if (raw.GetString()!.Contains('\0', StringComparison.Ordinal))
            {
                errors.Add(new InputError($"{at}.value", "must not contain the NUL character (\\u0000)"));
                continue;
            }

            if (!EntityTypeNames.TryParse(type.GetString(), out var entityType))
            {
                var known = string.Join(", ", Enum.GetValues<EntityType>().Select(t => t.ToWire()));
                errors.Add(new InputError($"{at}.type", $"unknown entity type '{type.GetString()}'; known types are {known}"));
                continue;
            }

            if (!Entity.TryCreate(entityType, raw.GetString(), out var created))
            {
                errors.Add(new InputError($"{at}.value", $"'{raw.GetString()}' is not a valid {entityType.ToWire()}"));
                continue;
            }

            result.Add(created);
        }

        return result;
    }

    private List<string> ReadTags(JsonElement item, string path, List<InputError> errors)
    {
        var result = new List<string>();
        if (!item.TryGetProperty("tags", out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return result;
        }

        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > _limits.MaxTags)
        {
            errors.Add(new InputError($"{path}.tags", $"expected an array of at most {_limits.MaxTags} strings"));
            return result;
        }

        var index = 0;
        foreach (var tag in value.EnumerateArray())
        {
            var text = ReadString(tag, $"{path}.tags[{index++}]", errors, 256, required: true);
            if (text is not null)
            {
                result.Add(text);
            }
        }

        return result;
    }

    private static string? TryReadSource(JsonElement item) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty("source", out var source) && source.ValueKind == JsonValueKind.String
            && SourceName().IsMatch(source.GetString()!.Trim().ToLowerInvariant())
            ? source.GetString()!.Trim().ToLowerInvariant()
            : null;

    private static AlertSubmission Fail(string path, string message, bool isBatch) => new([], [new InputError(path, message)], isBatch);

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        _ => "nothing",
    };

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return cut > 0 ? message[..cut] : message;
    }

    [GeneratedRegex("^[a-z0-9][a-z0-9._-]{0,63}$", RegexOptions.CultureInvariant)]
    private static partial Regex SourceName();
}
