namespace Vigil.Detection.Engine;

/// <summary>One rule's share of detection time: evaluations are the events that reached it past routing and the prefilter.</summary>
public sealed record RuleCost(CompiledSigmaRule Rule, TimeSpan Time, long Evaluations, bool Prefiltered);
