using System.Text;
using System.Text.Json;

namespace Vigil.Detection.Events;

/// <summary>
/// Streams <see cref="SigmaEvent"/>s out of JSON: JSON Lines, one JSON array, or pretty-printed objects
/// concatenated back to back (how SigmaHQ's regression data renders EVTX). Nested objects flatten to
/// dotted names (OCSF: <c>process.cmd_line</c>); evtx_dump's <c>Event.System</c> / <c>Event.EventData</c>
/// layout flattens to the Windows names Sigma uses (<c>EventID</c>, <c>Provider_Name</c>, <c>CommandLine</c>).
/// </summary>
public sealed class JsonEventReader : IDisposable
{
    private static readonly JsonReaderOptions Options = new()
    {
        CommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        MaxDepth = 256,
    };

    private readonly Stream _stream;
    private readonly string? _source;
    private readonly bool _leaveOpen;
    private readonly SigmaEventBuilder _builder = new();
    private byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;
    private bool _eof;
    private bool _started;
    private bool _arrayMode;
    private int _index;
    private long _consumedBefore;

    // Path of property names from the event root to the current value, as ranges of _segmentChars.
    private char[] _segmentChars = new char[512];
    private int[] _segmentStarts = new int[32];
    private int[] _segmentLengths = new int[32];
    private int _depth;
    private char[] _nameChars = new char[256];

    /// <summary>Reads events from <paramref name="stream"/>; <paramref name="source"/> is stamped on each event.</summary>
    public JsonEventReader(Stream stream, string? source = null, bool leaveOpen = false)
    {
        _stream = stream;
        _source = source;
        _leaveOpen = leaveOpen;
    }

    /// <summary>All events of a file.</summary>
    public static IEnumerable<SigmaEvent> ReadFile(string path)
    {
        using var reader = new JsonEventReader(File.OpenRead(path), path);
        while (reader.TryRead(out var sigmaEvent))
        {
            yield return sigmaEvent;
        }
    }

    /// <summary>All events of an in-memory UTF-8 document.</summary>
    public static IReadOnlyList<SigmaEvent> ReadAll(ReadOnlyMemory<byte> utf8, string? source = null)
    {
        using var reader = new JsonEventReader(new MemoryStream(utf8.ToArray(), writable: false), source);
        var events = new List<SigmaEvent>();
        while (reader.TryRead(out var sigmaEvent))
        {
            events.Add(sigmaEvent);
        }

        return events;
    }

    /// <summary>Reads the next event; false at the end of the input.</summary>
    /// <exception cref="InvalidDataException">The input is not JSON or a top-level value is not an object.</exception>
    public bool TryRead(out SigmaEvent sigmaEvent)
    {
        while (SkipSeparators())
        {
            if (TryParseOne(out sigmaEvent))
            {
                return true;
            }

            if (_eof)
            {
                throw new InvalidDataException($"{_source ?? "input"}: truncated JSON value at byte {_consumedBefore + _start}.");
            }

            Fill();
        }

        sigmaEvent = null!;
        return false;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (!_leaveOpen)
        {
            _stream.Dispose();
        }
    }

    private bool SkipSeparators()
    {
        while (true)
        {
            while (_start < _end)
            {
                var b = _buffer[_start];
                if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or (byte)',' or 0xEF or 0xBB or 0xBF)
                {
                    _start++;
                    continue;
                }

                if (!_started)
                {
                    _started = true;
                    if (b == (byte)'[')
                    {
                        _arrayMode = true;
                        _start++;
                        continue;
                    }
                }

                if (b == (byte)']' && _arrayMode)
                {
                    _start++;
                    continue;
                }

                return true;
            }

            if (_eof)
            {
                return false;
            }

            Fill();
        }
    }

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _consumedBefore += _start;
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    private bool TryParseOne(out SigmaEvent sigmaEvent)
    {
        sigmaEvent = null!;
        var reader = new Utf8JsonReader(_buffer.AsSpan(_start, _end - _start), _eof, new JsonReaderState(Options));
        _builder.Clear();
        _depth = 0;
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw new InvalidDataException(
                    $"{_source ?? "input"}: event {_index} at byte {_consumedBefore + _start} is a JSON {reader.TokenType}, not an object.");
            }

            if (!ReadObject(ref reader))
            {
                return false;
            }
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException(
                $"{_source ?? "input"}: invalid JSON in event {_index} (line {exception.LineNumber + 1} of that value): {exception.Message}", exception);
        }

        _start += (int)reader.BytesConsumed;
        sigmaEvent = _builder.Build(_index++, _source);
        return true;
    }

    private bool ReadObject(ref Utf8JsonReader reader)
    {
        while (true)
        {
            if (!reader.Read())
            {
                return false;
            }

            if (reader.TokenType == JsonTokenType.EndObject)
            {
                return true;
            }

            PushSegment(ref reader);
            if (!reader.Read() || !ReadValue(ref reader))
            {
                return false;
            }

            _depth--;
        }
    }

    private bool ReadValue(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                return ReadObject(ref reader);
            case JsonTokenType.StartArray:
                while (true)
                {
                    if (!reader.Read())
                    {
                        return false;
                    }

                    if (reader.TokenType == JsonTokenType.EndArray)
                    {
                        return true;
                    }

                    if (!ReadValue(ref reader))
                    {
                        return false;
                    }
                }

            case JsonTokenType.String:
                AddLeafName();
                var span = _builder.ReserveValue(reader.HasValueSequence ? checked((int)reader.ValueSequence.Length) : reader.ValueSpan.Length);
                _builder.CommitValue(reader.CopyString(span));
                return true;
            case JsonTokenType.Null:
                AddLeafName();
                _builder.SetNull();
                return true;
            default:
                // Numbers and booleans keep their JSON spelling: Sigma compares them as strings (EventID: 4688).
                AddLeafName();
                var raw = reader.ValueSpan;
                var chars = _builder.ReserveValue(raw.Length);
                _builder.CommitValue(Encoding.UTF8.GetChars(raw, chars));
                return true;
        }
    }

    private void PushSegment(ref Utf8JsonReader reader)
    {
        if (_depth == _segmentStarts.Length)
        {
            Array.Resize(ref _segmentStarts, _depth * 2);
            Array.Resize(ref _segmentLengths, _depth * 2);
        }

        var start = _depth == 0 ? 0 : _segmentStarts[_depth - 1] + _segmentLengths[_depth - 1];
        var max = reader.ValueSpan.Length;
        if (start + max > _segmentChars.Length)
        {
            Array.Resize(ref _segmentChars, Math.Max(_segmentChars.Length * 2, start + max));
        }

        _segmentStarts[_depth] = start;
        _segmentLengths[_depth] = reader.CopyString(_segmentChars.AsSpan(start, max));
        _depth++;
    }

    private ReadOnlySpan<char> Segment(int i) => _segmentChars.AsSpan(_segmentStarts[i], _segmentLengths[i]);

    private void AddLeafName()
    {
        var length = 0;
        if (_depth >= 2 && Segment(0).SequenceEqual("Event"))
        {
            // evtx_dump layout (Sigma spec, "Field Usage" 3): System attributes join tag and attribute with '_'
            // (Provider_Name), EventData and UserData children are named by their own key.
            var first = 2;
            if (Segment(1).SequenceEqual("UserData") && _depth > 3)
            {
                first = 3;
            }

            for (var i = first; i < _depth; i++)
            {
                var segment = Segment(i);
                if (segment.SequenceEqual("#attributes") || segment.SequenceEqual("#text"))
                {
                    continue;
                }

                length = AppendName(length, segment, '_');
            }

            if (length == 0)
            {
                length = AppendName(0, Segment(_depth - 1 >= 1 ? 1 : 0), '_');
            }
        }
        else
        {
            for (var i = 0; i < _depth; i++)
            {
                length = AppendName(length, Segment(i), '.');
            }
        }

        _builder.AddName(_nameChars.AsSpan(0, length));
    }

    private int AppendName(int length, ReadOnlySpan<char> segment, char separator)
    {
        if (length + segment.Length + 1 > _nameChars.Length)
        {
            Array.Resize(ref _nameChars, Math.Max(_nameChars.Length * 2, length + segment.Length + 1));
        }

        if (length > 0)
        {
            _nameChars[length++] = separator;
        }

        foreach (var c in segment)
        {
            if (c != ' ')
            {
                _nameChars[length++] = c;
            }
        }

        return length;
    }
}
