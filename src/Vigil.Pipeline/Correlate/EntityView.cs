using Vigil.Domain.Entities;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Correlate;

/// <summary>One entity across cases: when Vigil saw it, the cases and alerts it appears in, and that as a graph.</summary>
public sealed record EntityView(
    Entity Entity,
    DateTimeOffset FirstSeen,
    DateTimeOffset LastSeen,
    IReadOnlyList<EntityCaseRef> Cases,
    IReadOnlyList<EntityAlert> Alerts,
    EntityGraph Graph);
