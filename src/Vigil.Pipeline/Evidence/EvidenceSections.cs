namespace Vigil.Pipeline.Evidence;

/// <summary>
/// Which package section a ledger entry kind belongs to. Sections are read from kind names, not from each stage's
/// tables, so a stage that writes its ledger entries under its prefix (enrich.*, action.*, approval.*, recommendation.*,
/// playbook.*) is in every package from its first entry on.
/// </summary>
public static class EvidenceSections
{
    public static bool IsEnrichment(string kind) => kind.StartsWith("enrich", StringComparison.Ordinal);

    public static bool IsAction(string kind) =>
        (kind.StartsWith("action", StringComparison.Ordinal) || kind.StartsWith("playbook", StringComparison.Ordinal)
            || kind.StartsWith("rollback", StringComparison.Ordinal) || kind.StartsWith("artefact", StringComparison.Ordinal))
        && !IsDecision(kind);

    public static bool IsDecision(string kind) =>
        kind.Contains("approv", StringComparison.Ordinal) || kind.Contains("reject", StringComparison.Ordinal)
        || kind.Contains("denied", StringComparison.Ordinal) || kind.Contains("recommend", StringComparison.Ordinal)
        || kind.Contains("decision", StringComparison.Ordinal) || kind.StartsWith("learn.tuning_", StringComparison.Ordinal)
        || kind is Domain.Ledger.LedgerKinds.SeverityChanged or Domain.Ledger.LedgerKinds.Assigned;

    public static bool IsClosure(string kind) => kind is Domain.Ledger.LedgerKinds.Closed or Domain.Ledger.LedgerKinds.Reopened;
}
