using System.Text.Json.Nodes;

namespace Vigil.Pipeline.Normalize.Mapping;

/// <summary>
/// Where a value lands in the OCSF event: <c>finding_info.uid</c>; <c>finding_info.types[]</c> (each value
/// appended to an array); or <c>finding_info.attacks[].technique.uid</c> (value i written into object i of the
/// array, so sibling fields line up).
/// </summary>
internal sealed class TargetPath
{
    private readonly bool[] _isArray;

    private TargetPath(string text, string[] names, bool[] isArray)
    {
        Text = text;
        Names = names;
        _isArray = isArray;
        ArrayAt = Array.IndexOf(isArray, true);
    }

    public string Text { get; }

    public string[] Names { get; }

    /// <summary>Index of the first name that is an array (written <c>name[]</c>), or -1.</summary>
    public int ArrayAt { get; }

    public string Attribute => Names[0];

    public bool EndsWithArray => _isArray[^1];

    public static TargetPath? TryParse(string text, out string? error)
    {
        error = null;
        var parts = text.Trim().Split('.');
        var isArray = new bool[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].EndsWith("[]", StringComparison.Ordinal))
            {
                isArray[i] = true;
                parts[i] = parts[i][..^2];
            }

            if (parts[i].Length == 0 || parts[i].AsSpan().IndexOfAny("[]' ") >= 0)
            {
                error = $"target '{text}' has an empty or malformed step";
                return null;
            }
        }

        if (isArray[^1] && isArray.Count(a => a) > 1)
        {
            error = $"target '{text}' ends in [] after an earlier []; map such nested arrays with an 'each' block";
            return null;
        }

        return new TargetPath(text.Trim(), parts, isArray);
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
            if (Descend(target, 0, Names.Length - 1, 0) is { } parent)
            {
                parent[Names[^1]] = values[0].ToNode();
            }

            return;
        }

        if (EndsWithArray)
        {
            if (Descend(target, 0, Names.Length - 1, 0) is { } owner)
            {
                var array = ArrayOf(owner, Names[^1]);
                foreach (var value in values)
                {
                    array.Add(value.ToNode());
                }
            }

            return;
        }

        // Value i goes into element i of the first array (later arrays use their element 0), so that sibling
        // targets such as attacks[].technique.uid and attacks[].technique.name line up.
        for (var i = 0; i < values.Count; i++)
        {
            if (Descend(target, 0, Names.Length - 1, i) is { } parent)
            {
                parent[Names[^1]] = values[i].ToNode();
            }
        }
    }

    /// <summary>Appends an object built by an 'each' block to the array this path names.</summary>
    public void Append(JsonObject target, JsonObject item)
    {
        if (Descend(target, 0, Names.Length - 1, 0) is { } owner)
        {
            ArrayOf(owner, Names[^1]).Add(item);
        }
    }

    private static JsonArray ArrayOf(JsonObject owner, string name)
    {
        if (owner[name] is not JsonArray array)
        {
            array = [];
            owner[name] = array;
        }

        return array;
    }

    // Walks names[from..to) creating objects (and array elements); null when a scalar is already in the way.
    private JsonObject? Descend(JsonObject current, int from, int to, int index)
    {
        for (var i = from; i < to; i++)
        {
            JsonNode? next;
            if (_isArray[i])
            {
                var array = ArrayOf(current, Names[i]);
                var position = i == ArrayAt ? index : 0;
                while (array.Count <= position)
                {
                    array.Add(new JsonObject());
                }

                next = array[position];
            }
            else
            {
                next = current[Names[i]];
                if (next is null)
                {
                    next = new JsonObject();
                    current[Names[i]] = next;
                }
            }

            if (next is not JsonObject existing)
            {
                return null;
            }

            current = existing;
        }

        return current;
    }
}
