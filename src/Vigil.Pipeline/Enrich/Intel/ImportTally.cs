namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>Collects indicators and skips during an import and turns them into an <see cref="IndicatorImport"/>.</summary>
internal sealed class ImportTally(string source)
{
    private readonly List<Indicator> _indicators = [];
    private readonly List<ImportSkip> _skipped = [];
    private readonly Dictionary<IndicatorType, int> _byType = [];

    public int Read { get; set; }

    public int Count => _indicators.Count;

    public void Add(Indicator indicator)
    {
        _indicators.Add(indicator);
        _byType[indicator.Type] = _byType.GetValueOrDefault(indicator.Type) + 1;
    }

    public void Skip(string location, string reason) => _skipped.Add(new ImportSkip(location, reason));

    public IndicatorImport Complete() => new(
        _indicators,
        new ImportReport
        {
            Source = source,
            Read = Read,
            Imported = _indicators.Count,
            ByType = _byType,
            Skipped = _skipped,
        });
}
