using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// Where a value lands in the OCSF event: <c>finding_info.uid</c>; <c>finding_info.types[]</c> (each value
/// appended to an array); or <c>finding_info.attacks[].technique.uid</c> (value i written into object i of the
/// array, so sibling fields line up).
/// </summary>
internal sealed class TargetPath
{
    private TargetPath(string text, string[] names, int arrayAt)
    {
        Text = text;
        Names = names;
        ArrayAt = arrayAt;
    }

    public string Text { get; }

    public string[] Names { get; }

    /// <summary>Index of the name that is an array (written <c>name[]</c>), or -1.</summary>
    public int ArrayAt { get; }

    public string Attribute => Names[0];

    public bool EndsWithArray => ArrayAt == Names.Length - 1;

    public static TargetPath? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Trim().Split('.');
        var arrayAt = -1;
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].EndsWith("[]", StringComparison.Ordinal))
            {
                if (arrayAt >= 0)
                {
                    error = $"target '{text}' has more than one []; map nested arrays with an 'each' block";
                    return null;
                }

                arrayAt = i;
                parts[i] = parts[i][..^2];
            }

            if (parts[i].Length == 0 || parts[i].AsSpan().IndexOfAny("[]' ") >= 0)
            {
                error = $"target '{text}' has an empty or malformed step";
                return null;
            }
        }

        return new TargetPath(text.Trim(), parts, arrayAt);
    }

    public void Write(JsonObject target, List<MappedValue> values)
    {
        if (values.Count == 0)
        {
            return;
        }

        if (ArrayAt < 0)
        {
            // A scalar target takes the first value; use 'join' or a target ending in [] to keep them all.
            var parent = Descend(target, 0, Names.Length - 1);
            if (parent is not null)
            {
                parent[Names[^1]] = values[0].ToNode();
            }

            return;
        }

        var owner = Descend(target, 0, ArrayAt);
        if (owner is null)
        {
            return;
        }

        if (owner[Names[ArrayAt]] is not JsonArray array)
        {
            array = [];
            owner[Names[ArrayAt]] = array;
        }

        if (EndsWithArray)
        {
            foreach (var value in values)
            {
                array.Add(value.ToNode());
            }

            return;
        }

        for (var i = 0; i < values.Count; i++)
        {
            while (array.Count <= i)
            {
                array.Add(new JsonObject());
            }

            if (array[i] is JsonObject item && Descend(item, ArrayAt + 1, Names.Length - 1) is { } parent)
            {
                parent[Names[^1]] = values[i].ToNode();
            }
        }
    }

    /// <summary>Appends an object built by an 'each' block to the array this path names.</summary>
    public void Append(JsonObject target, JsonObject item)
    {
        var owner = Descend(target, 0, Names.Length - 1);
        if (owner is null)
        {
            return;
        }

        if (owner[Names[^1]] is not JsonArray array)
        {
            array = [];
            owner[Names[^1]] = array;
        }

        array.Add(item);
    }

    // Walks names[from..to) creating objects; null when a scalar is already in the way.
    private JsonObject? Descend(JsonObject current, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            var next = current[Names[i]];
            if (next is null)
            {
                var created = new JsonObject();
                current[Names[i]] = created;
                current = created;
            }
            else if (next is JsonObject existing)
            {
                current = existing;
            }
            else
            {
                return null;
            }
        }

        return current;
    }
}
