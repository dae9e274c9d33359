namespace Vigil.Pipeline.Enrich.Intel.Stix;

/// <summary>
/// A parsed pattern in disjunctive normal form: the pattern holds when every comparison of any one branch holds.
/// Observations joined by OR become separate branches; AND (inside an observation or between observations) makes a
/// branch of several comparisons.
/// </summary>
public sealed record StixPattern(IReadOnlyList<IReadOnlyList<StixComparison>> Branches);
