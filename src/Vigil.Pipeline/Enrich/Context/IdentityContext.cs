namespace Vigil.Pipeline.Enrich.Context;

/// <summary>What the organisation knows about a person or account. Null members are unknown.</summary>
public sealed record IdentityContext
{
    /// <summary>Lower-case account name, as user entities are normalised.</summary>
    public required string UserName { get; init; }

    public string? Email { get; init; }

    public string? DisplayName { get; init; }

    public string? Role { get; init; }

    public string? Manager { get; init; }

    public string? Department { get; init; }

    public LifecycleState? Lifecycle { get; init; }

    public bool? Privileged { get; init; }

    public IReadOnlyList<TravelPeriod> TravelPeriods { get; init; } = [];
}
