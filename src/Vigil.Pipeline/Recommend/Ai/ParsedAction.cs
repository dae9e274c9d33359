namespace Vigil.Pipeline.Recommend.Ai;

public sealed record ParsedAction(string Type, IReadOnlyDictionary<string, string> Inputs, string Rationale, IReadOnlyList<string> EvidenceIds);
