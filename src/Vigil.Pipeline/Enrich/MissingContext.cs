using Vigil.Domain.Entities;
using Vigil.Pipeline.Enrich.Sources;

namespace Vigil.Pipeline.Enrich;

/// <summary>Missing context in words: every lookup that failed with its reason, and every gap a found record leaves.</summary>
public static class MissingContext
{
    public static IReadOnlyList<string> Of(IEnumerable<EnrichmentResult> results)
    {
        var missing = new List<string>();
        foreach (var result in results)
        {
            if (result.Status == EnrichmentStatus.Failed)
            {
                missing.Add($"{result.Source} could not look up {result.EntityType.ToWire()} {result.EntityValue}: {result.Error}");
            }

            missing.AddRange(result.Missing);
        }

        return [.. missing.Distinct(StringComparer.Ordinal)];
    }
}
