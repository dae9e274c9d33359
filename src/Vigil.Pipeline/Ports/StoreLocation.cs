namespace Vigil.Pipeline.Ports;

/// <summary>
/// Where the store is: <c>--data DIR</c> (SQLite file <c>DIR/vigil.db</c>) or <c>--db CONNECTION</c> (PostgreSQL).
/// PostgreSQL wins when both are given, because it is the more deliberate choice.
/// </summary>
public sealed record StoreLocation
{
    public const string DefaultDataDirectory = "vigil-data";

    public string? DataDirectory { get; init; }

    public string? PostgresConnectionString { get; init; }

    public StoreMode Mode => PostgresConnectionString is null ? StoreMode.Solo : StoreMode.Clustered;

    public string EffectiveDataDirectory => Path.GetFullPath(DataDirectory ?? DefaultDataDirectory);
}
