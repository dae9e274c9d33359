using Vigil.Domain.Access;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    public Task<UserRecord?> GetUserAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {Columns.User} FROM {VigilTables.Users} WHERE id = @id", Rows.User, cancellationToken, ("@id", id));

    public Task<IReadOnlyList<UserRecord>> ListUsersAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns.User} FROM {VigilTables.Users} ORDER BY username", Rows.User, cancellationToken);
}
