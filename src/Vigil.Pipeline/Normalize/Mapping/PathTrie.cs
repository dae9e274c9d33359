using System.Text.Json;
using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// The source fields a mapping variant reads, as a tree. Walking an event against it yields what the
/// mapping did not consume (kept as OCSF <c>unmapped</c>) and which of those fields the mapping has never
/// heard of (schema drift: new fields).
/// </summary>
internal sealed class PathTrie
{
    private readonly Dictionary<string, PathTrie> _children = new(StringComparer.Ordinal);
    private PathTrie? _element;

    /// <summary>The whole subtree is written into the OCSF event.</summary>
    private bool _consumed;

    /// <summary>The mapping knows the subtree (ignore list, entities, dedup, title) but does not write it.</summary>
    private bool _known;

    public void Add(string path, bool consumed)
    {
        var parsed = FieldPath.TryParse(path, out _);
        if (parsed is null)
        {
            return;
        }

        var node = this;
        foreach (var segment in parsed.Segments)
        {
            if (segment.IsProperty)
            {
                if (!node._children.TryGetValue(segment.Name!, out var child))
                {
                    child = new PathTrie();
                    node._children[segment.Name!] = child;
                }

                node = child;
            }
            else
            {
                node = node._element ??= new PathTrie();
            }
        }

        if (consumed)
        {
            node._consumed = true;
        }
        else
        {
            node._known = true;
        }
    }

    /// <summary>Returns the unconsumed part of an object (null when everything was consumed) and records unknown paths.</summary>
    public JsonObject? Residual(JsonElement element, ref List<string>? newFields)
    {
        var path = new List<string>();
        return ResidualObject(element, path, ref newFields, _known);
    }

    // insideKnown: an ancestor is on the ignore list, so fields under it that the mapping does not name are kept but are not drift.
    private JsonObject? ResidualObject(JsonElement element, List<string> path, ref List<string>? newFields, bool insideKnown)
    {
        JsonObject? residual = null;
        foreach (var property in element.EnumerateObject())
        {
            JsonNode? kept;
            if (!_children.TryGetValue(property.Name, out var child))
            {
                kept = Copy(property.Value);
                if (!insideKnown)
                {
                    path.Add(property.Name);
                    (newFields ??= []).Add(Join(path));
                    path.RemoveAt(path.Count - 1);
                }
            }
            else if (child._consumed)
            {
                continue;
            }
            else if (child._known && child._children.Count == 0 && child._element is null)
            {
                kept = Copy(property.Value);
            }
            else
            {
                path.Add(property.Name);
                kept = child.ResidualOf(property.Value, path, ref newFields, insideKnown || child._known);
                path.RemoveAt(path.Count - 1);
            }

            if (kept is not null)
            {
                residual ??= [];
                residual[property.Name] = kept;
            }
        }

        return residual;
    }

    private JsonNode? ResidualOf(JsonElement value, List<string> path, ref List<string>? newFields, bool insideKnown)
    {
        if (_consumed)
        {
            return null;
        }

        switch (value.ValueKind)
        {
            case JsonValueKind.Object when _children.Count > 0:
                return ResidualObject(value, path, ref newFields, insideKnown);
            case JsonValueKind.Array when _element is not null:
                JsonArray? items = null;
                var index = 0;
                path.Add("[]");
                foreach (var item in value.EnumerateArray())
                {
                    var kept = _element.ResidualOf(item, path, ref newFields, insideKnown || _element._known);
                    if (kept is not null)
                    {
                        items ??= [];
                        while (items.Count < index)
                        {
                            items.Add(null);
                        }

                        items.Add(kept);
                    }

                    index++;
                }

                path.RemoveAt(path.Count - 1);
                return items;
            case JsonValueKind.Null:
                return null;
            default:
                // A shape the mapping did not expect here (e.g. a scalar where it reads sub-fields): keep it whole.
                return Copy(value);
        }
    }

    private static JsonNode? Copy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(value),
        JsonValueKind.Array => JsonArray.Create(value),
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        _ => JsonValue.Create(value),
    };

    private static string Join(List<string> path)
    {
        var text = new System.Text.StringBuilder();
        foreach (var step in path)
        {
            if (step == "[]")
            {
                text.Append("[]");
            }
            else
            {
                if (text.Length > 0)
                {
                    text.Append('.');
                }

                text.Append(step.Contains('.', StringComparison.Ordinal) ? $"['{step}']" : step);
            }
        }

        return text.ToString();
    }
}
