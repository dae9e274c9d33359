namespace Vigil.Connectors.Vendors.Manifest;

internal sealed class ManifestRequest
{
    public string Method { get; set; } = "POST";

    /// <summary>Relative to the base URL; placeholders must use the <c>url</c> filter.</summary>
    public string Path { get; set; } = string.Empty;

    /// <summary>Placeholders must use the <c>header</c> filter (refuses line breaks).</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    /// <summary>JSON text; placeholders must use the <c>json</c> filter (a quoted, escaped JSON string).</summary>
    public string? Body { get; set; }

    public string ContentType { get; set; } = "application/json";
}
