namespace Vigil.Pipeline.Enrich.Context;

/// <summary>A business service, its owner and what it depends on.</summary>
public sealed record ServiceContext
{
    public required string Name { get; init; }

    public string? Owner { get; init; }

    public IReadOnlyList<string> Dependencies { get; init; } = [];

    public Criticality? Criticality { get; init; }
}
