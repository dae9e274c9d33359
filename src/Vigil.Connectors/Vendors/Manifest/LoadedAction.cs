namespace Vigil.Connectors.Vendors.Manifest;

/// <summary>One manifest action, validated and with its templates parsed.</summary>
internal sealed record LoadedAction
{
    public required HttpMethod Method { get; init; }

    public required ManifestTemplate Path { get; init; }

    public required IReadOnlyDictionary<string, ManifestTemplate> Headers { get; init; }

    public ManifestTemplate? Body { get; init; }

    public required string ContentType { get; init; }

    public required IReadOnlyList<int> Expect { get; init; }

    public ManifestResult? Result { get; init; }

    /// <summary>The secrets this action's templates use (read only when it runs).</summary>
    public required IReadOnlyList<string> Secrets { get; init; }
}
