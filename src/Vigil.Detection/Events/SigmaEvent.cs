namespace Vigil.Detection.Events;

/// <summary>
/// One log event as a flat list of named values, the view Sigma rules match against.
/// Field names are case-insensitive and carry no spaces ("Source Name" becomes "SourceName");
/// a field may repeat (array values) and a value may be <c>null</c> (JSON null).
/// Values live in one character buffer so matching reads spans without allocating.
/// </summary>
public sealed class SigmaEvent
{
    private readonly int[] _ids;
    private readonly int[] _starts;
    private readonly int[] _lengths;
    private readonly char[] _chars;

    internal SigmaEvent(int[] ids, int[] starts, int[] lengths, char[] chars, int index, string? source)
    {
        _ids = ids;
        _starts = starts;
        _lengths = lengths;
        _chars = chars;
        Index = index;
        Source = source;
    }

    /// <summary>0-based position of the event in its input (file or stream).</summary>
    public int Index { get; }

    /// <summary>Where the event came from (usually a file path), when known.</summary>
    public string? Source { get; }

    /// <summary>Number of (name, value) pairs, counting each value of a repeated field.</summary>
    public int Count => _ids.Length;

    /// <summary>All fields in input order; repeated fields appear once per value.</summary>
    public IEnumerable<KeyValuePair<string, string?>> Fields
    {
        get
        {
            for (var i = 0; i < _ids.Length; i++)
            {
                yield return new(FieldNameTable.NameOf(_ids[i]), ValueAt(i));
            }
        }
    }

    /// <summary>True when the event has the field, whatever its value (null and empty included).</summary>
    public bool HasField(string name) => Slot(FieldNameTable.GetOrAdd(name), 0) >= 0;

    /// <summary>The first value of <paramref name="name"/>; false when the field is absent.</summary>
    public bool TryGetValue(string name, out string? value)
    {
        var slot = Slot(FieldNameTable.GetOrAdd(name), 0);
        value = slot >= 0 ? ValueAt(slot) : null;
        return slot >= 0;
    }

    /// <summary>The first value of <paramref name="name"/>, or null when absent or null.</summary>
    public string? GetValue(string name) => TryGetValue(name, out var value) ? value : null;

    /// <summary>Every value of <paramref name="name"/> (empty when absent).</summary>
    public IReadOnlyList<string?> GetValues(string name)
    {
        var id = FieldNameTable.GetOrAdd(name);
        var values = new List<string?>();
        for (var slot = Slot(id, 0); slot >= 0; slot = Slot(id, slot + 1))
        {
            values.Add(ValueAt(slot));
        }

        return values;
    }

    internal int SlotCount => _ids.Length;

    /// <summary>Index of the next slot at or after <paramref name="from"/> holding field <paramref name="id"/>, or -1.</summary>
    internal int Slot(int id, int from)
    {
        // Vectorised: a field test scans every slot (it must find repeated values too), so this is the engine's
        // innermost loop; rules with long filter lists (SigmaHQ's registry ASEP rules: 20+ filters) live in it.
        if ((uint)from >= (uint)_ids.Length)
        {
            return -1;
        }

        var index = _ids.AsSpan(from).IndexOf(id);
        return index < 0 ? -1 : index + from;
    }

    internal int IdAt(int slot) => _ids[slot];

    internal bool IsNullAt(int slot) => _lengths[slot] < 0;

    internal ReadOnlySpan<char> SpanAt(int slot)
    {
        var length = _lengths[slot];
        return length <= 0 ? [] : _chars.AsSpan(_starts[slot], length);
    }

    private string? ValueAt(int slot) => IsNullAt(slot) ? null : new string(SpanAt(slot));
}
