namespace Vigil.Pipeline.Enrich.Context;

/// <summary>A travel period as written in a file, before validation; <see cref="Position"/> locates it in the field.</summary>
internal sealed record TravelEntry(string Position, string? Country, string? City, string? From, string? To);
