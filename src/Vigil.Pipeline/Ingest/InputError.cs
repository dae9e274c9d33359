namespace Vigil.Pipeline.Ingest;

/// <summary>One thing wrong with submitted input: where (a JSON path such as <c>$.alerts[3].severity</c>) and what.</summary>
public sealed record InputError(string Path, string Message)
{
    public override string ToString() => $"{Path}: {Message}";
}
