using Vigil.Pipeline.Recommend;

namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    /// <summary>A case's recommendation: the latest, or the given version.</summary>
    Task<Recommendation?> GetRecommendationAsync(string caseId, int? version, CancellationToken cancellationToken);

    /// <summary>Every stored version of a case's recommendation, oldest first, without bodies.</summary>
    Task<IReadOnlyList<RecommendationVersion>> ListRecommendationVersionsAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>
    /// How analysts classified closed cases holding alerts from these sources, per detector (source and title):
    /// the detectors' track records.
    /// </summary>
    Task<IReadOnlyList<DetectorRecord>> GetDetectorRecordsAsync(IReadOnlyList<string> sources, CancellationToken cancellationToken);

    /// <summary>Closed cases (not merged away) that share an entity with <paramref name="caseId"/>, most recently closed first.</summary>
    Task<IReadOnlyList<PriorCase>> FindPriorCasesAsync(string caseId, int limit, CancellationToken cancellationToken);
}
