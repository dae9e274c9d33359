using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Ports;

/// <summary>How many closed cases naming a detection rule (a <c>rule</c> entity) ended with each classification.</summary>
public sealed record RuleOutcome(string Rule, Classification Classification, long Cases);
