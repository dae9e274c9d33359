namespace Vigil.Storage;

/// <summary>Every table name, defined once. The migration scripts spell the same names; a test checks they exist.</summary>
public static class VigilTables
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

    public static IReadOnlyList<string> All { get; } =
    [
        Migrations, Alerts, Cases, CaseAlerts, CaseEntities, Entities, Notes, Ledger, LedgerHeads, DeadLetters, ApiKeys, Users, Jobs,
    ];
}
