using Vigil.Domain.Evidence;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<bool> PutArtefactBlobAsync(string sha256, ReadOnlyMemory<byte> content, DateTimeOffset at, CancellationToken cancellationToken)
    {
        // A blob disposed of by retention is filled again when the same file is attached anew: it is evidence again.
        await using var command = Command(
            $"INSERT INTO {VigilTables.ArtefactBlobs} (sha256, size, content, stored_at, disposed_at) VALUES (@sha256, @size, @content, @at, NULL) "
            + $"ON CONFLICT (sha256) DO UPDATE SET content = excluded.content, stored_at = excluded.stored_at, disposed_at = NULL WHERE {VigilTables.ArtefactBlobs}.content IS NULL")
            .Add("@sha256", sha256)
            .Add("@size", (long)content.Length)
            .Add("@content", content.ToArray())
            .Add("@at", engine.ToDb(at));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task InsertArtefactAsync(Artefact artefact, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.Artefacts} ({ArtefactRows.Columns}) VALUES (@id, @case_id, @sha256, @name, @size, @description, @collected_by, @collected_at, @collected_from, @disposed_at)")
            .Add("@id", artefact.Id)
            .Add("@case_id", artefact.CaseId)
            .Add("@sha256", artefact.Sha256)
            .Add("@name", artefact.Name)
            .Add("@size", artefact.Size)
            .Add("@description", artefact.Description)
            .Add("@collected_by", artefact.CollectedBy)
            .Add("@collected_at", engine.ToDb(artefact.CollectedAt))
            .Add("@collected_from", artefact.CollectedFrom)
            .Add("@disposed_at", engine.ToDbOrNull(artefact.DisposedAt));
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
