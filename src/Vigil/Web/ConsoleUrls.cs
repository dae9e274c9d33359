namespace Vigil.Web;

internal static class ConsoleUrls
{
    /// <summary>A return address only if it is a path on this site ("/x", not "//evil" or "/\evil"): no open redirect.</summary>
    public static string SafeReturn(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/queue";
}
