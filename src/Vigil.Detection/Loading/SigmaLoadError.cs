namespace Vigil.Detection.Loading;

/// <summary>A rule, filter or file that was rejected, with where and why.</summary>
public sealed record SigmaLoadError(string File, int Line, string Message, string? RuleId = null, string? Title = null)
{
    /// <inheritdoc />
    public override string ToString() =>
        RuleId is null ? $"{File}:{Line}: {Message}" : $"{File}:{Line}: rule {RuleId}: {Message}";
}
