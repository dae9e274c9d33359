namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>
    /// The open cases holding any of <paramref name="entityKeys"/> where that entity was active at or after
    /// <paramref name="since"/> (event time), one row per case and entity, most recent first, at most
    /// <paramref name="limit"/> rows. Sees this transaction's own writes, so alerts of one batch group with each other.
    /// </summary>
    Task<IReadOnlyList<CaseEntityHit>> FindOpenCasesByEntitiesAsync(
        IReadOnlyList<string> entityKeys, DateTimeOffset since, int limit, CancellationToken cancellationToken);
}
