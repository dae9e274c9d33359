using System.Data.Common;
using Vigil.Storage.Migrations;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    /// <summary>
    /// Applies the scripts not yet recorded, each recorded in the same transaction that ran it. On PostgreSQL the
    /// transaction first takes an advisory lock, so when two nodes start at once the second waits, then finds nothing
    /// left to do; on SQLite BEGIN IMMEDIATE does the same.
    /// </summary>
    public async Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken)
    {
        var applied = new List<string>();
        var transaction = await engine.BeginWriteAsync(cancellationToken);
        try
        {
            var connection = transaction.Connection!;
            if (engine.MigrationLockSql is { } lockSql)
            {
                await ExecuteAsync(connection, transaction, lockSql, cancellationToken);
            }

            await ExecuteAsync(connection, transaction, engine.MigrationsTableSql, cancellationToken);
            var done = new HashSet<string>(StringComparer.Ordinal);
            await using (var command = Db.Command(connection, transaction, $"SELECT name FROM {VigilTables.Migrations}"))
            {
                done.UnionWith(await Query.ListAsync(command, engine, static (r, _) => r.GetString(0), cancellationToken));
            }

            foreach (var (name, sql) in MigrationScripts.For(engine.MigrationFolder))
            {
                if (done.Contains(name))
                {
                    continue;
                }

                await ExecuteAsync(connection, transaction, sql, cancellationToken);
                await using var record = Db.Command(connection, transaction, $"INSERT INTO {VigilTables.Migrations} (name, applied_at) VALUES (@name, @at)")
                    .Add("@name", name)
                    .Add("@at", engine.ToDb(time.GetUtcNow()));
                await record.ExecuteNonQueryAsync(cancellationToken);
                applied.Add(name);
            }

            await transaction.CommitAsync(cancellationToken);
            return applied;
        }
        finally
        {
            await engine.EndWriteAsync(transaction);
        }
    }

    private static async Task ExecuteAsync(DbConnection connection, DbTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = Db.Command(connection, transaction, sql);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
