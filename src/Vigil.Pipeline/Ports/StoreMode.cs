namespace Vigil.Pipeline.Ports;

/// <summary>
/// <c>Solo</c>: one process owns the store (SQLite, one writer at a time). <c>Clustered</c>: any number of nodes share
/// PostgreSQL and claim work with row locks.
/// </summary>
public enum StoreMode
{
    Solo,
    Clustered,
}
