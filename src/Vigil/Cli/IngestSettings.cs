namespace Vigil.Cli;

/// <summary>What <c>vigil ingest</c> was asked to do with its files.</summary>
internal sealed record IngestSettings
{
    public required int BatchSize { get; init; }

    /// <summary>A mapping name (or <c>auto</c>): records are vendor events for it. Null: records are Vigil alerts.</summary>
    public string? Source { get; init; }

    /// <summary><c>--map FIELD=Column</c> for CSV files.</summary>
    public required IReadOnlyDictionary<string, string> Columns { get; init; }

    /// <summary>The alert source for CSV rows with no source column.</summary>
    public string DefaultSource { get; init; } = "csv_import";

    public bool Resume { get; init; }
}
