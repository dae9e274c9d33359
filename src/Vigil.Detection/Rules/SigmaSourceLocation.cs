namespace Vigil.Detection.Rules;

/// <summary>Where a rule, filter or value was read from: file (or archive entry) and 1-based line.</summary>
public sealed record SigmaSourceLocation(string File, int Line)
{
    /// <inheritdoc />
    public override string ToString() => $"{File}:{Line}";
}
