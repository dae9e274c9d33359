namespace Vigil.Pipeline.Ports;

/// <summary>How many indicators are stored and when the last changed: an in-memory index is rebuilt when this moves.</summary>
public readonly record struct IntelStamp(long Count, DateTimeOffset? LastUpdated);
