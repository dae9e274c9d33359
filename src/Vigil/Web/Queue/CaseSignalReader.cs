using Vigil.Domain.Cases;

namespace Vigil.Web.Queue;

/// <summary>
/// Collects <see cref="CaseSignals"/> for a page of cases from the stores of enrichment, recommendation and response.
/// One place to extend as those stages land, so the queue and the case page agree.
/// </summary>
internal sealed class CaseSignalReader
{
    public Task<IReadOnlyDictionary<string, CaseSignals>> ReadAsync(IReadOnlyList<Case> cases, CancellationToken cancellationToken)
    {
        var result = new Dictionary<string, CaseSignals>(cases.Count, StringComparer.Ordinal);
        foreach (var @case in cases)
        {
            result[@case.Id] = CaseSignals.None;
        }

        return Task.FromResult<IReadOnlyDictionary<string, CaseSignals>>(result);
    }
}
