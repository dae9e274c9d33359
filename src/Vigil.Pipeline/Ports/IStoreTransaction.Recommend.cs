using Vigil.Pipeline.Recommend;

namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>Stores a new version of a case's recommendation and returns it with its version number (1, 2, …).</summary>
    Task<Recommendation> InsertRecommendationAsync(Recommendation recommendation, CancellationToken cancellationToken);
}
