using System.Buffers;
using Microsoft.AspNetCore.Http;

namespace Vigil.Api;

/// <summary>A request body read whole, or only its head when it was over the limit.</summary>
internal readonly record struct RequestBody(byte[] Buffer, int Length, bool TooLarge, long? DeclaredLength)
{
    public ReadOnlyMemory<byte> Memory => Buffer.AsMemory(0, Length);

    /// <summary>
    /// Reads at most <paramref name="limit"/> bytes. An oversized body keeps its first <paramref name="keep"/> bytes
    /// (for the dead-letter store) and the rest is not read: the server closes the connection rather than drain it.
    /// </summary>
    public static async Task<RequestBody> ReadAsync(HttpRequest request, long limit, int keep, CancellationToken cancellationToken)
    {
        var declared = request.ContentLength;
        if (declared > limit)
        {
            var head = new byte[keep];
            var got = await request.Body.ReadAtLeastAsync(head, keep, throwOnEndOfStream: false, cancellationToken);
            return new RequestBody(head, got, true, declared);
        }

        if (declared is { } exact)
        {
            // The common case: a known length, read in one buffer of exactly that size.
            var buffer = new byte[exact];
            var read = await request.Body.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            return new RequestBody(buffer, read, false, declared);
        }

        return await ReadChunkedAsync(request.Body, limit, keep, cancellationToken);
    }

    private static async Task<RequestBody> ReadChunkedAsync(Stream body, long limit, int keep, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var collected = new MemoryStream();
            int read;
            while ((read = await body.ReadAsync(buffer, cancellationToken)) > 0)
            {
                collected.Write(buffer, 0, read);
                if (collected.Length > limit)
                {
                    var head = collected.GetBuffer().AsSpan(0, (int)Math.Min(keep, collected.Length)).ToArray();
                    return new RequestBody(head, head.Length, true, null);
                }
            }

            return new RequestBody(collected.GetBuffer(), (int)collected.Length, false, null);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    public static bool IsJson(string? contentType)
    {
        if (string.IsNullOrEmpty(contentType))
        {
            return false;
        }

        var media = contentType.AsSpan();
        var semicolon = media.IndexOf(';');
        if (semicolon >= 0)
        {
            media = media[..semicolon];
        }

        media = media.Trim();
        return media.Equals("application/json", StringComparison.OrdinalIgnoreCase)
            || media.EndsWith("+json", StringComparison.OrdinalIgnoreCase);
    }
}
