using System.CommandLine;

namespace Vigil.Cli;

/// <summary>Options every command accepts: which store to use.</summary>
internal static class GlobalOptions
{
    public static readonly Option<string?> Data = new("--data")
    {
        Description = "Data directory for the embedded SQLite store (default ./vigil-data).",
        Recursive = true,
    };

    public static readonly Option<string?> Db = new("--db")
    {
        Description = "PostgreSQL connection string (postgres://user:pass@host:port/db or key=value form); overrides --data.",
        Recursive = true,
    };
}
