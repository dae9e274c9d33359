namespace Vigil.Domain.Text;

/// <summary>One CSV record and the 1-based line it starts on, for errors that point at the file.</summary>
public sealed record CsvRow(int Line, IReadOnlyList<string> Fields);
