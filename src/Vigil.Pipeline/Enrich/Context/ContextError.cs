namespace Vigil.Pipeline.Enrich.Context;

/// <summary>One problem in a context file: where (file, "line 4" or "index 3"), which field, and what is wrong.</summary>
public sealed record ContextError(string File, string Location, string Field, string Problem)
{
    public override string ToString() => $"{File} {Location}, field '{Field}': {Problem}";
}
