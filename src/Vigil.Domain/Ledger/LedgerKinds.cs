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
    public const string Enriched = "enrichment.recorded";
    public const string Closed = "case.closed";
    public const string Reopened = "case.reopened";
    public const string MergedInto = "case.merged_into";
    public const string MergedFrom = "case.merged_from";
    public const string Unmerged = "case.unmerged";
    public const string UnmergedFrom = "case.unmerged_from";

    public const string ApiKeyCreated = "apikey.created";
    public const string ApiKeyRevoked = "apikey.revoked";
    public const string UserCreated = "user.created";
    public const string UserSignedIn = "user.signed_in";
    public const string UserSignInFailed = "user.sign_in_failed";
    public const string UserLockedOut = "user.locked_out";
    public const string UserUnlocked = "user.unlocked";
    public const string UserSignedOut = "user.signed_out";
    public const string UserPasswordChanged = "user.password_changed";
    public const string UserRolesChanged = "user.roles_changed";
    public const string UserDisabled = "user.disabled";
    public const string UserEnabled = "user.enabled";
    public const string UserMfaEnrolled = "user.mfa_enrolled";
    public const string UserMfaReset = "user.mfa_reset";
    public const string UserMfaFailed = "user.mfa_failed";
    public const string DeadLetterReplayed = "deadletter.replayed";
    public const string ContextImported = "context.imported";
    public const string ContextDeleted = "context.deleted";
    public const string IntelImported = "intel.imported";
    public const string IntelDeleted = "intel.deleted";
}
