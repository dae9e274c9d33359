namespace Vigil.Pipeline.Correlate;

/// <summary>A technique seen in a case: its name, when first seen (event time) and the alerts that show it.</summary>
public sealed record TechniqueSeen(string Id, string Name, DateTimeOffset FirstSeen, IReadOnlyList<string> AlertIds);
