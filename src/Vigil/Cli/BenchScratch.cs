using System.CommandLine;
using Vigil.Pipeline.Ports;

namespace Vigil.Cli;

/// <summary>
/// Where a macro benchmark writes: a throwaway SQLite data directory, deleted afterwards, unless <c>--db</c> names a
/// PostgreSQL database (which is the caller's to clean).
/// </summary>
internal sealed class BenchScratch : IDisposable
{
    private readonly string? _directory;

    public BenchScratch(ParseResult parse)
    {
        var location = CliContext.Location(parse);
        if (location.PostgresConnectionString is null)
        {
            _directory = Path.Combine(Path.GetTempPath(), "vigil-bench-" + Guid.NewGuid().ToString("N"));
            location = location with { DataDirectory = _directory };
        }

        Location = location;
    }

    public StoreLocation Location { get; }

    public void Dispose()
    {
        if (_directory is not null && Directory.Exists(_directory))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, recursive: true);
        }
    }
}
