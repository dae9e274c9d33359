using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Vigil.Pipeline.Normalize;

/// <summary>
/// Streams events from JSON lines, a top-level JSON array, or JSON objects simply concatenated (as evtx_dump
/// writes them). Each event comes with its position and its raw text; a malformed event is reported and
/// reading resumes at the next line.
/// </summary>
public static class JsonEventReader
{
    private const int ChunkSize = 64 * 1024;

    public static async IAsyncEnumerable<RawJsonEvent> ReadAsync(Stream input, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(ChunkSize);
        var length = 0;
        var start = 0;
        var ended = false;
        var line = 1;
        var index = 0;
        var arrayMode = (bool?)null;
        try
        {
            while (true)
            {
                // Skip separators: whitespace, and in array mode the brackets and commas between elements.
                while (start < length && IsSeparator(buffer[start], arrayMode ?? false))
                {
                    if (buffer[start] == (byte)'\n')
                    {
                        line++;
                    }

                    start++;
                }

                if (start < length && arrayMode is null)
                {
                    arrayMode = buffer[start] == (byte)'[';
                    continue;
                }

                JsonElement element = default;
                var consumed = 0;
                string? error = null;
                if (start >= length || !TryParse(buffer.AsSpan(start, length - start), ended, out element, out consumed, out error))
                {
                    if (ended)
                    {
                        if (start < length && error is not null)
                        {
                            index++;
                            yield return new RawJsonEvent(index, line, null, Encoding.UTF8.GetString(buffer, start, length - start), error);
                        }

                        yield break;
                    }

                    (buffer, length, start) = Compact(buffer, length, start);
                    var read = await input.ReadAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                    ended = read == 0;
                    length += read;
                    continue;
                }

                index++;
                if (error is not null)
                {
                    // Resynchronise at the next line: in JSON lines one bad line must not take the rest with it.
                    var newline = buffer.AsSpan(start, length - start).IndexOf((byte)'\n');
                    consumed = newline < 0 ? length - start : newline;
                    yield return new RawJsonEvent(index, line, null, Encoding.UTF8.GetString(buffer, start, consumed), error);
                }
                else
                {
                    yield return new RawJsonEvent(index, line, element, Encoding.UTF8.GetString(buffer, start, consumed), null);
                }

                line += buffer.AsSpan(start, consumed).Count((byte)'\n');
                start += consumed;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private static bool IsSeparator(byte b, bool arrayMode) =>
        b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF
        || (arrayMode && b is (byte)'[' or (byte)']' or (byte)',');

    private static bool TryParse(ReadOnlySpan<byte> data, bool final, out JsonElement element, out int consumed, out string? error)
    {
        var reader = new Utf8JsonReader(data, isFinalBlock: final, state: default);
        element = default;
        consumed = 0;
        error = null;
        try
        {
            if (!JsonElement.TryParseValue(ref reader, out var parsed))
            {
                return false;
            }

            element = parsed!.Value;
            consumed = (int)reader.BytesConsumed;
            return true;
        }
        catch (JsonException exception)
        {
            error = $"malformed JSON: {exception.Message}";
            return true;
        }
    }

    private static (byte[] Buffer, int Length, int Start) Compact(byte[] buffer, int length, int start)
    {
        var remaining = length - start;
        var target = remaining + ChunkSize > buffer.Length ? ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length * 2, remaining + ChunkSize)) : buffer;
        buffer.AsSpan(start, remaining).CopyTo(target);
        if (!ReferenceEquals(target, buffer))
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }

        return (target, remaining, 0);
    }
}
