namespace Vigil.Detection.Events;

/// <summary>
/// Collects fields for one <see cref="SigmaEvent"/>. Reusable: <see cref="Build"/> copies what it needs,
/// so a reader keeps one builder for a whole stream.
/// </summary>
public sealed class SigmaEventBuilder
{
    private int[] _ids = new int[64];
    private int[] _starts = new int[64];
    private int[] _lengths = new int[64];
    private char[] _chars = new char[4096];
    private int _count;
    private int _used;

    /// <summary>Adds a value under a field name; spaces in the name are dropped, as Sigma requires.</summary>
    public SigmaEventBuilder Add(string name, string? value)
    {
        AddName(name.Contains(' ', StringComparison.Ordinal) ? name.Replace(" ", "", StringComparison.Ordinal) : name);
        if (value is null)
        {
            SetNull();
        }
        else
        {
            AppendValue(value);
        }

        return this;
    }

    /// <summary>Forgets every field added so far.</summary>
    public void Clear()
    {
        _count = 0;
        _used = 0;
    }

    /// <summary>Freezes the collected fields into an event.</summary>
    public SigmaEvent Build(int index = 0, string? source = null)
    {
        var chars = _chars.AsSpan(0, _used).ToArray();
        return new SigmaEvent(_ids.AsSpan(0, _count).ToArray(), _starts.AsSpan(0, _count).ToArray(),
            _lengths.AsSpan(0, _count).ToArray(), chars, index, source);
    }

    internal int Count => _count;

    /// <summary>Starts a new field slot; the value is appended with <see cref="AppendValue(ReadOnlySpan{char})"/>.</summary>
    internal void AddName(ReadOnlySpan<char> name)
    {
        if (_count == _ids.Length)
        {
            Array.Resize(ref _ids, _count * 2);
            Array.Resize(ref _starts, _count * 2);
            Array.Resize(ref _lengths, _count * 2);
        }

        _ids[_count] = FieldNameTable.GetOrAdd(name);
        _starts[_count] = _used;
        _lengths[_count] = 0;
        _count++;
    }

    internal void SetNull() => _lengths[_count - 1] = -1;

    internal Span<char> ReserveValue(int maxChars)
    {
        EnsureChars(maxChars);
        return _chars.AsSpan(_used, maxChars);
    }

    internal void CommitValue(int written)
    {
        _lengths[_count - 1] = written;
        _used += written;
    }

    internal void AppendValue(ReadOnlySpan<char> value)
    {
        value.CopyTo(ReserveValue(value.Length));
        CommitValue(value.Length);
    }

    private void EnsureChars(int extra)
    {
        if (_used + extra > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _used + extra));
        }
    }
}
