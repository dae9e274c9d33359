namespace Vigil.Storage.Sql;

/// <summary>Statements used by both plain reads and transactions.</summary>
internal static class StoreSql
{
    public const string SelectCase = $"SELECT {Columns.Case} FROM {VigilTables.Cases} WHERE id = @id";

    public const string SelectLinks = $"SELECT {Columns.Link} FROM {VigilTables.CaseAlerts} WHERE case_id = @case_id ORDER BY joined_at, alert_id";
}
