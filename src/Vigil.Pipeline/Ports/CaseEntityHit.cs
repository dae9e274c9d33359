namespace Vigil.Pipeline.Ports;

/// <summary>An open case that holds an entity, when the entity was last active on it (event time), and the case's size.</summary>
public sealed record CaseEntityHit(string CaseId, string EntityKey, DateTimeOffset LastAt, int AlertCount);
