using Vigil.Pipeline.Ports;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task SaveViewAsync(SavedView view, CancellationToken cancellationToken)
    {
        await using (var delete = Command($"DELETE FROM {VigilTables.SavedViews} WHERE owner = @owner AND name = @name").Add("@owner", view.Owner).Add("@name", view.Name))
        {
            await delete.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var insert = Command($"INSERT INTO {VigilTables.SavedViews} ({Columns.SavedView}) VALUES (@id, @owner, @name, @query, @created_at)")
            .Add("@id", view.Id)
            .Add("@owner", view.Owner)
            .Add("@name", view.Name)
            .Add("@query", view.Query)
            .Add("@created_at", engine.ToDb(view.CreatedAt));
        await insert.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DeleteSavedViewAsync(string owner, string id, CancellationToken cancellationToken)
    {
        await using var command = Command($"DELETE FROM {VigilTables.SavedViews} WHERE owner = @owner AND id = @id").Add("@owner", owner).Add("@id", id);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
