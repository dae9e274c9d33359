using Vigil.Domain.Evidence;

namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>Stores content under its SHA-256 unless a blob with that hash is already held; true when written.</summary>
    Task<bool> PutArtefactBlobAsync(string sha256, ReadOnlyMemory<byte> content, DateTimeOffset at, CancellationToken cancellationToken);

    Task InsertArtefactAsync(Artefact artefact, CancellationToken cancellationToken);
}
