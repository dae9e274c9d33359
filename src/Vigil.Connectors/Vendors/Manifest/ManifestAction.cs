namespace Vigil.Connectors.Vendors.Manifest;

internal sealed class ManifestAction
{
    public List<string> Inputs { get; set; } = [];

    public ManifestRequest Request { get; set; } = new();

    /// <summary>The statuses that mean success; anything else is classified as for every connector (429/5xx transient).</summary>
    public List<int> Expect { get; set; } = [];

    public ManifestResult? Result { get; set; }

    /// <summary>The catalogue action that undoes this one (documentation; the catalogue decides).</summary>
    public string? Rollback { get; set; }
}
