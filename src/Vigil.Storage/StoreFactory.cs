using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;

namespace Vigil.Storage;

/// <summary>
/// Opens the store a <see cref="StoreLocation"/> names: PostgreSQL (Clustered) when a connection string is given,
/// otherwise SQLite (Solo) at <c>DATA_DIR/vigil.db</c>, creating the directory if needed. The caller migrates.
/// </summary>
public sealed class StoreFactory(TimeProvider? time = null) : IVigilStoreFactory
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;

    public IVigilStore Open(StoreLocation location)
    {
        StoreEngine engine = location.PostgresConnectionString is { } connectionString
            ? new PostgresEngine(connectionString)
            : new SqliteEngine(location.EffectiveDataDirectory);
        return new VigilStore(engine, _time);
    }
}
