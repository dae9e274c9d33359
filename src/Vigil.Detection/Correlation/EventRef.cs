namespace Vigil.Detection.Correlation;

/// <summary>Points back at one input event: its source (file path or stream name) and 0-based position there.</summary>
public readonly record struct EventRef(string? Source, long Index)
{
    /// <inheritdoc />
    public override string ToString() => Source is null ? $"#{Index}" : $"{Source}#{Index}";
}
