using System.Buffers;
using System.IO.Compression;
using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Vigil.Hosting;

namespace Vigil.Api;

internal static partial class IngestApi
{
    private static readonly string[] JsonLinesTypes = ["application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines"];

    /// <summary>
    /// Reads the body whole, decompressing gzip. The limit applies to the decompressed bytes too, and decompression
    /// stops as soon as it is passed: a 10 KiB gzip bomb that would expand to gigabytes costs at most the limit.
    /// </summary>
    private static async Task<IngestBody> ReadBodyAsync(HttpRequest request, VigilServerOptions limits, CancellationToken cancellationToken)
    {
        var raw = await RequestBody.ReadAsync(request, limits.MaxRequestBodyBytes, limits.OversizedKeepBytes, cancellationToken);
        if (raw.TooLarge)
        {
            return IngestBody.Refused(raw.Buffer, raw.Length, BodyLimitMiddleware.TooLarge(raw.DeclaredLength, limits.MaxRequestBodyBytes));
        }

        if (!IsJsonOrJsonLines(request.ContentType))
        {
            return IngestBody.Refused(raw.Buffer, raw.Length, Problem(
                StatusCodes.Status415UnsupportedMediaType,
                "Unsupported content type",
                $"unsupported content type '{request.ContentType ?? "(none)"}': send application/json or application/x-ndjson",
                "urn:vigil:problem:unsupported-media-type"));
        }

        var encoding = request.Headers.ContentEncoding.ToString().Trim();
        if (encoding.Length == 0 || encoding.Equals("identity", StringComparison.OrdinalIgnoreCase))
        {
            return new IngestBody(raw.Buffer, raw.Length, null);
        }

        if (encoding.Equals("gzip", StringComparison.OrdinalIgnoreCase) || encoding.Equals("x-gzip", StringComparison.OrdinalIgnoreCase))
        {
            return await GunzipAsync(raw, limits, cancellationToken);
        }

        return IngestBody.Refused(raw.Buffer, raw.Length, Problem(
            StatusCodes.Status415UnsupportedMediaType,
            "Unsupported content encoding",
            $"unsupported content encoding '{encoding}': send the body plain or with Content-Encoding: gzip",
            "urn:vigil:problem:unsupported-media-type"));
    }

    private static async Task<IngestBody> GunzipAsync(RequestBody raw, VigilServerOptions limits, CancellationToken cancellationToken)
    {
        var chunk = ArrayPool<byte>.Shared.Rent(64 * 1024);
        try
        {
            using var output = new MemoryStream();
            await using var gzip = new GZipStream(new MemoryStream(raw.Buffer, 0, raw.Length, writable: false), CompressionMode.Decompress);
            int read;
            while ((read = await gzip.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (output.Length + read > limits.MaxRequestBodyBytes)
                {
                    output.Write(chunk, 0, read);
                    var keep = (int)Math.Min(limits.OversizedKeepBytes, output.Length);
                    var problem = BodyLimitMiddleware.TooLarge(null, limits.MaxRequestBodyBytes);
                    problem.Detail = $"The body decompresses to more than {limits.MaxRequestBodyBytes} bytes (from {raw.Length} gzip bytes); "
                        + "the limit (Vigil:Server:MaxRequestBodyBytes) applies after decompression.";
                    return IngestBody.Refused(output.GetBuffer(), keep, problem);
                }

                output.Write(chunk, 0, read);
            }

            return new IngestBody(output.GetBuffer(), (int)output.Length, null);
        }
        catch (InvalidDataException exception)
        {
            return IngestBody.Refused(raw.Buffer, raw.Length, Problem(
                StatusCodes.Status400BadRequest, "Invalid gzip body", $"Content-Encoding says gzip but the body is not valid gzip: {exception.Message}", "urn:vigil:problem:invalid"));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private static bool IsJsonOrJsonLines(string? contentType)
    {
        if (RequestBody.IsJson(contentType))
        {
            return true;
        }

        var media = (contentType ?? string.Empty).Split(';', 2)[0].Trim();
        return JsonLinesTypes.Contains(media, StringComparer.OrdinalIgnoreCase);
    }

    private static ProblemDetails Problem(int status, string title, string detail, string type) =>
        new() { Status = status, Title = title, Detail = detail, Type = type };

    /// <summary>The body as bytes to read events from, or the problem that refused it (with what arrived, for the dead letter).</summary>
    private readonly record struct IngestBody(byte[] Buffer, int Length, ProblemDetails? Problem)
    {
        public static IngestBody Refused(byte[] buffer, int length, ProblemDetails problem) => new(buffer, length, problem);

        // Decoded leniently: a dead letter must keep whatever arrived, even bytes that are not valid UTF-8.
        public string Text() => Encoding.UTF8.GetString(Buffer, 0, Length);
    }
}
