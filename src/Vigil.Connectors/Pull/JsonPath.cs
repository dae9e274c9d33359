using System.Globalization;
using System.Text.Json;

namespace Vigil.Connectors.Pull;

/// <summary>
/// The part of JSONPath (RFC 9535) a poller needs to find items, next links and cursor fields: <c>$</c>, member names
/// (<c>.name</c>, <c>['name']</c>), indexes (<c>[0]</c>, <c>[-1]</c>) and the wildcard (<c>[*]</c>, <c>.*</c>).
/// Filters and recursive descent are refused at load time rather than half-supported.
/// </summary>
public sealed class JsonPath
{
    private readonly Segment[] _segments;

    private JsonPath(string text, Segment[] segments)
    {
        Text = text;
        _segments = segments;
    }

    public string Text { get; }

    public static JsonPath Parse(string text)
    {
        var path = text.Trim();
        if (!path.StartsWith('$'))
        {
            // A bare "data.items" is read as "$.data.items".
            path = "$." + path;
        }

        var segments = new List<Segment>();
        var i = 1;
        while (i < path.Length)
        {
            if (path[i] == '.')
            {
                if (i + 1 < path.Length && path[i + 1] == '.')
                {
                    throw new FormatException($"JSONPath '{text}': recursive descent (..) is not supported");
                }

                var end = i + 1;
                while (end < path.Length && path[end] != '.' && path[end] != '[')
                {
                    end++;
                }

                var name = path[(i + 1)..end];
                if (name.Length == 0)
                {
                    throw new FormatException($"JSONPath '{text}': empty member name at {i}");
                }

                segments.Add(name == "*" ? Segment.Wildcard : Segment.Member(name));
                i = end;
            }
            else if (path[i] == '[')
            {
                var close = path.IndexOf(']', i);
                if (close < 0)
                {
                    throw new FormatException($"JSONPath '{text}': '[' at {i} is not closed");
                }

                var inner = path[(i + 1)..close].Trim();
                if (inner == "*")
                {
                    segments.Add(Segment.Wildcard);
                }
                else if (inner.Length >= 2 && (inner[0] == '\'' || inner[0] == '"') && inner[^1] == inner[0])
                {
                    segments.Add(Segment.Member(inner[1..^1]));
                }
                else if (int.TryParse(inner, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(Segment.At(index));
                }
                else
                {
                    throw new FormatException($"JSONPath '{text}': '[{inner}]' is not supported (use a name, an index or *)");
                }

                i = close + 1;
            }
            else
            {
                throw new FormatException($"JSONPath '{text}': unexpected '{path[i]}' at {i}");
            }
        }

        return new JsonPath(text, [.. segments]);
    }

    /// <summary>Every node the path selects, in document order.</summary>
    public List<JsonElement> Select(JsonElement root)
    {
        var current = new List<JsonElement> { root };
        foreach (var segment in _segments)
        {
            var next = new List<JsonElement>();
            foreach (var node in current)
            {
                segment.Apply(node, next);
            }

            current = next;
        }

        return current;
    }

    /// <summary>The first selected node as text (strings as they are, numbers and others as JSON), or null.</summary>
    public string? SelectString(JsonElement root)
    {
        var nodes = Select(root);
        if (nodes.Count == 0)
        {
            return null;
        }

        return nodes[0].ValueKind switch
        {
            JsonValueKind.String => nodes[0].GetString(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => nodes[0].GetRawText(),
        };
    }

    public override string ToString() => Text;

    private sealed record Segment(string? Name, int? Index, bool All)
    {
        public static readonly Segment Wildcard = new(null, null, true);

        public static Segment Member(string name) => new(name, null, false);

        public static Segment At(int index) => new(null, index, false);

        public void Apply(JsonElement node, List<JsonElement> into)
        {
            if (All)
            {
                if (node.ValueKind == JsonValueKind.Array)
                {
                    into.AddRange(node.EnumerateArray());
                }
                else if (node.ValueKind == JsonValueKind.Object)
                {
                    foreach (var property in node.EnumerateObject())
                    {
                        into.Add(property.Value);
                    }
                }
            }
            else if (Name is not null)
            {
                if (node.ValueKind == JsonValueKind.Object && node.TryGetProperty(Name, out var child))
                {
                    into.Add(child);
                }
            }
            else if (node.ValueKind == JsonValueKind.Array)
            {
                var length = node.GetArrayLength();
                var at = Index!.Value < 0 ? length + Index.Value : Index.Value;
                if (at >= 0 && at < length)
                {
                    into.Add(node[at]);
                }
            }
        }
    }
}
