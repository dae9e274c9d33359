using System.Data.Common;
using Vigil.Storage.Engines;

namespace Vigil.Storage.Sql;

internal static class Query
{
    public static async Task<List<T>> ListAsync<T>(DbCommand command, StoreEngine engine, Func<DbDataReader, StoreEngine, T> map, CancellationToken cancellationToken)
    {
        var result = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            result.Add(map(reader, engine));
        }

        return result;
    }

    public static async Task<T?> FirstAsync<T>(DbCommand command, StoreEngine engine, Func<DbDataReader, StoreEngine, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await reader.ReadAsync(cancellationToken) ? map(reader, engine) : null;
    }
}
