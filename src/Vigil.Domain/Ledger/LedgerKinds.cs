namespace Vigil.Domain.Ledger;

/// <summary>The kinds of ledger entry. Names are stable: auditors and exports key on them.</summary>
public static class LedgerKinds
{
    public const string CaseOpened = "case.opened";
    public const string AlertAttached = "case.alert_attached";
    public const string StateChanged = "case.state_changed";
    public const string NoteAdded = "case.note_added";
    public const string Assigned = "case.assigned";
    public const string SeverityChanged = "case.severity_changed";
    public const string Enriched = "case.enriched";
    public const string Closed = "case.closed";
    public const string Reopened = "case.reopened";
    public const string MergedInto = "case.merged_into";
    public const string MergedFrom = "case.merged_from";
    public const string Unmerged = "case.unmerged";
    public const string UnmergedFrom = "case.unmerged_from";

    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyRevoked = "apikey.revoked";
    public const string UserCreated = "user.created";
    public const string DeadLetterReplayed = "deadletter.replayed";
    public const string ContextImported = "context.imported";
    public const string ContextDeleted = "context.deleted";
    public const string IntelImported = "intel.imported";
    public const string IntelDeleted = "intel.deleted";
}
