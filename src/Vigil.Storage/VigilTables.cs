namespace Vigil.Storage;

/// <summary>Every table name, defined once. The migration scripts spell the same names; a test checks they exist.</summary>
public static partial class VigilTables
{
    public const string Migrations = "vigil_migrations";
    public const string Alerts = "vigil_alerts";
    public const string Cases = "vigil_cases";
    public const string CaseAlerts = "vigil_case_alerts";
    public const string CaseEntities = "vigil_case_entities";
    public const string Entities = "vigil_entities";
    public const string Notes = "vigil_notes";
    public const string Ledger = "vigil_ledger";
    public const string LedgerHeads = "vigil_ledger_heads";
    public const string DeadLetters = "vigil_dead_letters";
    public const string ApiKeys = "vigil_api_keys";
    public const string Users = "vigil_users";
    public const string Jobs = "vigil_jobs";

    /// <summary>
    /// Every <c>const</c> of this class, in any of its partial files. Each area declares its tables in its own
    /// <c>VigilTables.Area.cs</c>, so adding a table never means editing a shared list.
    /// </summary>
    public static IReadOnlyList<string> All { get; } = typeof(VigilTables)
        .GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
        .Where(field => field.IsLiteral && field.FieldType == typeof(string))
        .Select(field => (string)field.GetRawConstantValue()!)
        .ToArray();
}
