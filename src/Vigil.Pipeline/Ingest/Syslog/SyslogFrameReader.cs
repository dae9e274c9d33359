using System.Runtime.CompilerServices;
using System.Text;

namespace Vigil.Pipeline.Ingest.Syslog;

/// <summary>
/// Cuts a syslog TCP stream into messages. RFC 6587 allows two framings and senders do not announce which:
/// octet counting (§3.4.1, <c>LEN SP MSG</c>) and non-transparent framing (§3.4.2, messages ended by LF).
/// The first byte of the connection decides: a digit is octet counting (a syslog message starts with '&lt;').
/// A message over <c>maxBytes</c> is cut short and reported, and the reader resynchronises after it.
/// </summary>
public static class SyslogFrameReader
{
    public static async IAsyncEnumerable<SyslogFrame> ReadAsync(Stream input, int maxBytes, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var buffer = new byte[Math.Max(maxBytes, 1024) + 16];
        var start = 0;
        var end = 0;
        bool? octetCounted = null;
        var ended = false;
        while (true)
        {
            var data = buffer.AsSpan(start, end - start);
            octetCounted ??= data.Length > 0 ? char.IsAsciiDigit((char)data[0]) : null;
            var frame = octetCounted switch
            {
                true => CutCounted(buffer, ref start, end, maxBytes, ended),
                false => CutLine(buffer, ref start, end, maxBytes, ended),
                null => (SyslogFrame?)null,
            };
            if (frame is { } found)
            {
                if (found.Text.Length > 0 || found.Error is not null)
                {
                    yield return found;
                }

                continue;
            }

            if (ended)
            {
                yield break;
            }

            if (start > 0)
            {
                buffer.AsSpan(start, end - start).CopyTo(buffer);
                end -= start;
                start = 0;
            }

            var read = await input.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
            ended = read == 0;
            end += read;
        }
    }

    private static SyslogFrame? CutLine(byte[] buffer, ref int start, int end, int maxBytes, bool ended)
    {
        var data = buffer.AsSpan(start, end - start);
        var newline = data.IndexOf((byte)'\n');
        if (newline >= 0)
        {
            var text = Encoding.UTF8.GetString(data[..newline]).TrimEnd('\r');
            start += newline + 1;
            return new SyslogFrame(text, null);
        }

        if (data.Length > maxBytes)
        {
            // Keep the head for the dead letter; the tail up to the next LF is dropped by the resynchronisation.
            var head = Encoding.UTF8.GetString(data[..maxBytes]);
            start += data.Length;
            return new SyslogFrame(head, $"message longer than {maxBytes} bytes without a line feed (RFC 6587 §3.4.2)");
        }

        if (ended && data.Length > 0)
        {
            start = end;
            return new SyslogFrame(Encoding.UTF8.GetString(data).TrimEnd('\r'), null);
        }

        return null;
    }

    private static SyslogFrame? CutCounted(byte[] buffer, ref int start, int end, int maxBytes, bool ended)
    {
        var data = buffer.AsSpan(start, end - start);
        var skip = 0;
        while (skip < data.Length && data[skip] is (byte)'\n' or (byte)'\r' or (byte)' ')
        {
            skip++;
        }

        var space = data[skip..].IndexOf((byte)' ');
        if (space < 0)
        {
            if (data.Length - skip > 10 || (ended && data.Length > skip))
            {
                start = end;
                return new SyslogFrame(Encoding.UTF8.GetString(data[skip..]), "octet-counted frame without a length (RFC 6587 §3.4.1)");
            }

            start += skip;
            return null;
        }

        var digits = data.Slice(skip, space);
        long length = 0;
        foreach (var digit in digits)
        {
            if (digit is < (byte)'0' or > (byte)'9' || length > int.MaxValue)
            {
                start = end;
                return new SyslogFrame(Encoding.UTF8.GetString(data[skip..]), "octet-counted frame with a malformed length (RFC 6587 §3.4.1)");
            }

            length = (length * 10) + (digit - '0');
        }

        var body = data[(skip + space + 1)..];
        if (length > maxBytes)
        {
            // Too big to hold: report its head and discard the rest of the frame as it streams past.
            start = end;
            return new SyslogFrame(Encoding.UTF8.GetString(body[..Math.Min(body.Length, maxBytes)]), $"frame of {length} bytes over the limit of {maxBytes}");
        }

        if (body.Length < length)
        {
            if (ended)
            {
                start = end;
                return new SyslogFrame(Encoding.UTF8.GetString(body), $"connection closed {length - body.Length} bytes into a {length}-byte frame");
            }

            return null;
        }

        start += skip + space + 1 + (int)length;
        return new SyslogFrame(Encoding.UTF8.GetString(body[..(int)length]), null);
    }
}
