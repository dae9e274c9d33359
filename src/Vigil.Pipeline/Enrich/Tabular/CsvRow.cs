namespace Vigil.Pipeline.Enrich.Tabular;

/// <summary>One CSV record and the 1-based line it starts on, for errors that point at the file.</summary>
internal sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
