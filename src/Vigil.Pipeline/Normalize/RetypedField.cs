namespace Vigil.Pipeline.Normalize;

/// <summary>A source field that arrived with a different JSON kind than the mapping reads (e.g. an object where a string was mapped).</summary>
public sealed record RetypedField(string Path, string Expected, string Actual)
{
    public override string ToString() => $"{Path}: expected {Expected}, got {Actual}";
}
