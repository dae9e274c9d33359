namespace Vigil.Connectors.Vendors.Manifest;

/// <summary>A connector manifest that is refused, with every problem found (file, line or field).</summary>
public sealed class ManifestLoadException(IReadOnlyList<string> problems) : Exception(string.Join(Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
