using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Ports;

/// <summary>An entity as the store knows it: when Vigil first and last received an alert naming it.</summary>
public sealed record EntityRecord(Entity Entity, DateTimeOffset FirstSeen, DateTimeOffset LastSeen);
