namespace Vigil.Pipeline.Enrich.Intel.Stix;

/// <summary>
/// One comparison expression from a STIX 2.1 pattern (section 9.5): object type, property path, operator and one
/// value. "IN (a, b)" is expanded into one comparison per member, joined by OR.
/// </summary>
public sealed record StixComparison(string ObjectType, string Path, string Operator, bool Negated, string? Value);
