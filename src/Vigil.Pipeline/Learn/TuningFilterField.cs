namespace Vigil.Pipeline.Learn;

public sealed record TuningFilterField(string Field, IReadOnlyList<string> Values);
