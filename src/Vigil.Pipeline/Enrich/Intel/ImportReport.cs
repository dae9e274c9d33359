namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>What an import read, what it kept (by type) and what it skipped, each skip with its reason.</summary>
public sealed record ImportReport
{
    public required string Source { get; init; }

    /// <summary>Input objects examined: STIX objects, MISP attributes, CSV rows.</summary>
    public required int Read { get; init; }

    public required int Imported { get; init; }

    public required IReadOnlyDictionary<IndicatorType, int> ByType { get; init; }

    public required IReadOnlyList<ImportSkip> Skipped { get; init; }
}
