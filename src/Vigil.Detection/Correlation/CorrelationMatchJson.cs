using System.Text.Json;

namespace Vigil.Detection.Correlation;

/// <summary>Writes a correlation match as one JSON object, the shape <c>vigil detect --output jsonl</c> prints.</summary>
public static class CorrelationMatchJson
{
    public static void Write(Utf8JsonWriter writer, CorrelationMatch match)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(match);
        var rule = match.Rule;
        writer.WriteStartObject();
        writer.WriteString("kind", "correlation");
        writer.WriteString("rule_id", rule.Id);
        writer.WriteString("rule_name", rule.Name);
        writer.WriteString("rule_title", rule.Title);
        writer.WriteString("correlation_type", CorrelationRuleParser.TypeName(rule.Type));
        writer.WriteString("level", rule.Level);
        writer.WriteStartArray("tags");
        foreach (var tag in rule.Tags)
        {
            writer.WriteStringValue(tag);
        }

        writer.WriteEndArray();
        writer.WriteString("author", rule.Author);
        writer.WriteStartObject("group_by");
        foreach (var (field, value) in match.GroupBy)
        {
            writer.WriteString(field, value);
        }

        writer.WriteEndObject();
        writer.WriteNumber("value", match.Value);
        if (match.FieldValue is not null)
        {
            writer.WriteString("field_value", match.FieldValue);
        }

        writer.WriteString("first_seen", match.FirstSeen);
        writer.WriteString("last_seen", match.LastSeen);
        writer.WriteStartArray("events");
        foreach (var correlated in match.Events)
        {
            writer.WriteStartObject();
            writer.WriteString("file", correlated.Event.Source);
            writer.WriteNumber("event_index", correlated.Event.Index);
            writer.WriteString("rule", correlated.Rule);
            writer.WriteString("time", correlated.Timestamp);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}
