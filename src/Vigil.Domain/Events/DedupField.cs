namespace Vigil.Domain.Events;

/// <summary>One field of a dedup key: the source path it was read from and its value as text.</summary>
public sealed record DedupField(string Path, string Value);
