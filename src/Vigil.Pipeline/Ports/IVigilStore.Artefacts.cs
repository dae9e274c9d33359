using Vigil.Domain.Evidence;

namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    Task<Artefact?> GetArtefactAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<Artefact>> ListArtefactsAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>The content stored under a SHA-256; null when no blob has it or retention disposed of it.</summary>
    Task<byte[]?> ReadArtefactContentAsync(string sha256, CancellationToken cancellationToken);
}
