using System.Collections.Frozen;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Net.Http.Headers;

namespace Vigil.Web;

/// <summary>
/// The console's stylesheet and its one small script, embedded in the executable (no web root to deploy) and served
/// from <c>/assets/NAME?v=HASH</c>: the hash in the URL lets browsers cache them for a year and still see a new build.
/// </summary>
internal static class ConsoleAssets
{
    private const string Prefix = "Vigil.Console.Assets.";

    private static readonly FrozenDictionary<string, (byte[] Bytes, string Type, string Hash)> Files = Load();

    public static string Url(string name) => $"/assets/{name}?v={Files[name].Hash}";

    public static IEndpointRouteBuilder MapConsoleAssets(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/assets/{name}", (string name, HttpContext context) =>
        {
            if (!Files.TryGetValue(name, out var file))
            {
                return Results.NotFound();
            }

            var etag = $"\"{file.Hash}\"";
            context.Response.Headers.CacheControl = "public, max-age=31536000, immutable";
            context.Response.Headers.ETag = etag;
            return context.Request.Headers.IfNoneMatch == etag
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Bytes(file.Bytes, file.Type);
        }).AllowAnonymous().ExcludeFromDescription();
        return routes;
    }

    private static FrozenDictionary<string, (byte[] Bytes, string Type, string Hash)> Load()
    {
        var assembly = typeof(ConsoleAssets).Assembly;
        var files = new Dictionary<string, (byte[], string, string)>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(Prefix, StringComparison.Ordinal))
            {
                continue;
            }

            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            var bytes = buffer.ToArray();
            var name = resource[Prefix.Length..];
            var type = Path.GetExtension(name) switch
            {
                ".css" => "text/css; charset=utf-8",
                ".js" => "text/javascript; charset=utf-8",
                ".svg" => "image/svg+xml",
                _ => "application/octet-stream",
            };
            files[name] = (bytes, type, Convert.ToHexStringLower(SHA256.HashData(bytes))[..16]);
        }

        return files.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
