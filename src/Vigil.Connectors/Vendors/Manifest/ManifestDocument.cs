namespace Vigil.Connectors.Vendors.Manifest;

/// <summary>A connector manifest as written in YAML (content/connectors/*.yaml), before validation.</summary>
internal sealed class ManifestDocument
{
    public string Name { get; set; } = string.Empty;

    public string? Title { get; set; }

    /// <summary>Used when <c>Vigil:Connectors:&lt;name&gt;:BaseUrl</c> is not set.</summary>
    public string? BaseUrl { get; set; }

    /// <summary>Non-secret settings read from <c>Vigil:Connectors:&lt;name&gt;:&lt;setting&gt;</c>.</summary>
    public List<string> Settings { get; set; } = [];

    /// <summary>Secrets by reference: set with <c>vigil connectors set-secret &lt;name&gt; &lt;secret&gt;</c>.</summary>
    public List<string> Secrets { get; set; } = [];

    public Dictionary<string, ManifestAction> Actions { get; set; } = [];
}
