using Vigil.Domain.Evidence;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    public Task<Artefact?> GetArtefactAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {ArtefactRows.Columns} FROM {VigilTables.Artefacts} WHERE id = @id", ArtefactRows.Artefact, cancellationToken, ("@id", id));

    public Task<IReadOnlyList<Artefact>> ListArtefactsAsync(string caseId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {ArtefactRows.Columns} FROM {VigilTables.Artefacts} WHERE case_id = @case_id ORDER BY collected_at, id", ArtefactRows.Artefact, cancellationToken, ("@case_id", caseId));

    public async Task<byte[]?> ReadArtefactContentAsync(string sha256, CancellationToken cancellationToken) =>
        await SingleAsync(
            $"SELECT content FROM {VigilTables.ArtefactBlobs} WHERE sha256 = @sha256 AND content IS NOT NULL",
            static (r, _) => r.GetFieldValue<byte[]>(0),
            cancellationToken,
            ("@sha256", sha256));
}
