using Vigil.Detection.Rules;

namespace Vigil.Detection.Loading;

/// <summary>Everything read from a rule pack: rules, global filters, correlation documents, and rejects.</summary>
public sealed record SigmaLoadResult(
    IReadOnlyList<SigmaRule> Rules,
    IReadOnlyList<SigmaFilter> Filters,
    IReadOnlyList<SigmaRawDocument> Correlations,
    IReadOnlyList<SigmaLoadError> Errors)
{
    /// <summary>Number of YAML documents read (rules + filters + correlations + rejected documents).</summary>
    public int DocumentCount => Rules.Count + Filters.Count + Correlations.Count + Errors.Count;
}
