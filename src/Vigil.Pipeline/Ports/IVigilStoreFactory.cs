namespace Vigil.Pipeline.Ports;

/// <summary>Opens a store from a connection string: a SQLite data directory or file, or a PostgreSQL URL / key-value string.</summary>
public interface IVigilStoreFactory
{
    IVigilStore Open(StoreLocation location);
}
