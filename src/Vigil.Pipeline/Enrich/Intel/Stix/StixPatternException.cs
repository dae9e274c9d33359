namespace Vigil.Pipeline.Enrich.Intel.Stix;

/// <summary>A pattern that is malformed, or well-formed but outside what Vigil matches (FOLLOWEDBY, qualifiers).</summary>
public sealed class StixPatternException(string message) : Exception(message);
