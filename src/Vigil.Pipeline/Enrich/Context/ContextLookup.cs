using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Enrich.Context;

/// <summary>
/// What the context directory knows about one entity, and what it does not: <see cref="Missing"/> lists gaps in
/// words ("asset dc-01 has no owner") so the recommender can lower its confidence and say why.
/// </summary>
public sealed record ContextLookup
{
    public required Entity Entity { get; init; }

    public AssetContext? Asset { get; init; }

    public IdentityContext? Identity { get; init; }

    public ServiceContext? Service { get; init; }

    public IReadOnlyList<string> Missing { get; init; } = [];

    public bool IsKnown => Asset is not null || Identity is not null || Service is not null;
}
