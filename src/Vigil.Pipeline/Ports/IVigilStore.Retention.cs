using Vigil.Domain.Evidence;

namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    Task<IReadOnlyList<LegalHold>> ListLegalHoldsAsync(CancellationToken cancellationToken);

    /// <summary>Tombstones of payloads disposed of in [from, to) (either bound open), oldest first.</summary>
    Task<IReadOnlyList<Tombstone>> ListTombstonesAsync(DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken);
}
