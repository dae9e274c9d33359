namespace Vigil.Pipeline.Ports;

/// <summary>A chain with entries a receiver has not acknowledged: the last acknowledged sequence number and the chain's head.</summary>
public sealed record StreamBacklog(string ChainId, long Cursor, long Head);
