namespace Vigil.Pipeline.Recommend.Learning;

/// <summary>One analyst decision: the built-in features of a closed case and how it was closed.</summary>
public sealed record LabelledCase(string CaseId, float[] Features, Disposition Label);
