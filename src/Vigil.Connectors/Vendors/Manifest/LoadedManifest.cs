namespace Vigil.Connectors.Vendors.Manifest;

/// <summary>A validated manifest: the connector name, its base URL default and its actions by catalogue type.</summary>
internal sealed record LoadedManifest
{
    public required string Name { get; init; }

    public required string Title { get; init; }

    public Uri? BaseUrl { get; init; }

    public required IReadOnlyDictionary<string, LoadedAction> Actions { get; init; }

    public IReadOnlyList<string> ActionTypes => [.. Actions.Keys.Order(StringComparer.Ordinal)];

    public required string Source { get; init; }
}
