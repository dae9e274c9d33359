namespace Vigil.Connectors.Vendors.Manifest;

/// <summary>Where in the JSON answer to find things: dotted paths such as <c>result.id</c> or <c>items.0.name</c>.</summary>
internal sealed class ManifestResult
{
    public string? Reference { get; set; }

    public string? RollbackToken { get; set; }

    public Dictionary<string, string> Details { get; set; } = [];
}
