namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>The result of one importer run: the indicators and the report that accounts for every input object.</summary>
public sealed record IndicatorImport(IReadOnlyList<Indicator> Indicators, ImportReport Report);
