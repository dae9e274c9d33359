using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Ports;

/// <summary>A case an entity appears in, with when the entity joined it and when it was last active there (event time).</summary>
public sealed record EntityCaseRef(Case Case, DateTimeOffset FirstSeen, DateTimeOffset LastAt);
