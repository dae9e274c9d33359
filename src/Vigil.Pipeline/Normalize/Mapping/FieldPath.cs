using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// A compiled source path: <c>a.b[].c</c>, <c>a[0].b</c>, or <c>['id.orig_h']</c> for keys that contain dots
/// (Zeek's flattened names). A leading <c>$.</c> reads from the event root inside an <c>each</c> block.
/// </summary>
internal sealed class FieldPath
{
    private FieldPath(string text, PathSegment[] segments, bool fromRoot)
    {
        Text = text;
        Segments = segments;
        FromRoot = fromRoot;
    }

    public string Text { get; }

    public PathSegment[] Segments { get; }

    public bool FromRoot { get; }

    public bool HasEach => Array.Exists(Segments, s => s.IsEach);

    public override string ToString() => Text;

    /// <summary>Parses the path syntax; returns null and a reason when the text is not a path.</summary>
    public static FieldPath? TryParse(string text, out string? error)
    {
        error = null;
        var segments = new List<PathSegment>();
        var span = text.AsSpan().Trim();
        if (span is ".")
        {
            // "." is the scope itself: inside an 'each' over an array of strings, the string.
            return new FieldPath(".", [], fromRoot: false);
        }

        var fromRoot = span.StartsWith("$.", StringComparison.Ordinal);
        if (fromRoot)
        {
            span = span[2..];
        }

        var position = 0;
        var name = new StringBuilder();
        while (position < span.Length)
        {
            var c = span[position];
            if (c == '.')
            {
                if (!Flush(name, segments) && (segments.Count == 0 || span[position - 1] != ']'))
                {
                    error = $"empty step at position {position + 1} of path '{text}'";
                    return null;
                }

                position++;
            }
            else if (c == '[')
            {
                Flush(name, segments);
                var close = span[position..].IndexOf(']');
                if (close < 0)
                {
                    error = $"'[' without ']' in path '{text}'";
                    return null;
                }

                var inside = span.Slice(position + 1, close - 1).Trim();
                if (inside.Length == 0 || inside is "*")
                {
                    segments.Add(new PathSegment(null, PathSegment.Each));
                }
                else if (inside.Length >= 2 && inside[0] is '\'' or '"' && inside[^1] == inside[0])
                {
                    segments.Add(new PathSegment(inside[1..^1].ToString(), 0));
                }
                else if (int.TryParse(inside, NumberStyles.None, CultureInfo.InvariantCulture, out var index))
                {
                    segments.Add(new PathSegment(null, index));
                }
                else
                {
                    error = $"'[{inside}]' in path '{text}' is neither [], [n] nor ['key']";
                    return null;
                }

                position += close + 1;
            }
            else
            {
                name.Append(c);
                position++;
            }
        }

        Flush(name, segments);
        if (segments.Count == 0)
        {
            error = "empty path";
            return null;
        }

        return new FieldPath(text.Trim(), [.. segments], fromRoot);
    }

    /// <summary>Appends every element the path reaches (JSON nulls included) and says how far it got.</summary>
    public PathLookup Collect(JsonElement scope, JsonElement root, List<JsonElement> into)
    {
        var start = into.Count;
        var missing = Walk(FromRoot ? root : scope, 0, into);
        if (into.Count > start)
        {
            for (var i = start; i < into.Count; i++)
            {
                if (into[i].ValueKind != JsonValueKind.Null)
                {
                    return PathLookup.Found;
                }
            }

            return PathLookup.Null;
        }

        return missing ? PathLookup.Missing : PathLookup.Null;
    }

    /// <summary>The first element the path reaches, or <c>default</c> (ValueKind Undefined).</summary>
    public JsonElement First(JsonElement scope, JsonElement root)
    {
        var current = FromRoot ? root : scope;
        foreach (var segment in Segments)
        {
            if (segment.IsProperty)
            {
                if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(segment.Name!, out current))
                {
                    return default;
                }
            }
            else if (current.ValueKind != JsonValueKind.Array)
            {
                if (!segment.IsEach)
                {
                    return default;
                }
            }
            else
            {
                var index = segment.IsEach ? 0 : segment.Index;
                if (index >= current.GetArrayLength())
                {
                    return default;
                }

                current = current[index];
            }
        }

        return current;
    }

    // Returns true when a property was absent somewhere along the way.
    private bool Walk(JsonElement current, int step, List<JsonElement> into)
    {
        for (; step < Segments.Length; step++)
        {
            var segment = Segments[step];
            if (segment.IsProperty)
            {
                if (current.ValueKind != JsonValueKind.Object)
                {
                    return current.ValueKind != JsonValueKind.Null;
                }

                if (!current.TryGetProperty(segment.Name!, out current))
                {
                    return true;
                }
            }
            else if (current.ValueKind != JsonValueKind.Array)
            {
                // A single value where a list was expected is read as a list of one: vendors flip between the two.
                if (!segment.IsEach)
                {
                    return current.ValueKind != JsonValueKind.Null;
                }
            }
            else if (segment.IsEach)
            {
                var missing = false;
                foreach (var item in current.EnumerateArray())
                {
                    missing |= Walk(item, step + 1, into);
                }

                return missing;
            }
            else
            {
                if (segment.Index >= current.GetArrayLength())
                {
                    return true;
                }

                current = current[segment.Index];
            }
        }

        into.Add(current);
        return false;
    }

    private static bool Flush(StringBuilder name, List<PathSegment> segments)
    {
        if (name.Length == 0)
        {
            return false;
        }

        segments.Add(new PathSegment(name.ToString(), 0));
        name.Clear();
        return true;
    }
}
