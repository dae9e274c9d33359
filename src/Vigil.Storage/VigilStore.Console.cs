using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    // The first assignment comes from the ledger (the case row keeps only the current owner); the subquery walks the
    // case's own chain through the (chain_id, seq) primary key.
    private const string CaseFactsSql =
        $"SELECT c.id, c.severity, c.opened_at, c.sla_due_at, c.closed_at, c.classification,"
        + $" (SELECT MIN(l.at) FROM {VigilTables.Ledger} l WHERE l.chain_id = c.id AND l.kind = '{LedgerKinds.Assigned}')"
        + $" FROM {VigilTables.Cases} c WHERE c.opened_at >= @from OR c.closed_at >= @from OR c.state <> 'closed'";

    private const string RuleOutcomesSql =
        $"SELECT e.value, c.classification, COUNT(DISTINCT c.id) FROM {VigilTables.CaseEntities} e JOIN {VigilTables.Cases} c ON c.id = e.case_id"
        + " WHERE e.type = @rule AND c.state = 'closed' AND c.closed_at >= @from AND c.classification IS NOT NULL"
        + " GROUP BY e.value, c.classification ORDER BY e.value";

    public Task<IReadOnlyList<SavedView>> ListSavedViewsAsync(string owner, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns.SavedView} FROM {VigilTables.SavedViews} WHERE owner = @owner ORDER BY name", Rows.SavedView, cancellationToken, ("@owner", owner));

    public Task<IReadOnlyList<CaseFact>> ReadCaseFactsAsync(DateTimeOffset from, CancellationToken cancellationToken) =>
        ListAsync(
            CaseFactsSql,
            static (r, engine) => new CaseFact
            {
                Id = r.GetString(0),
                Severity = (Severity)r.GetInt32(1),
                OpenedAt = engine.ReadTime(r, 2),
                SlaDueAt = engine.ReadTime(r, 3),
                ClosedAt = engine.ReadNullableTime(r, 4),
                Classification = r.IsDBNull(5) ? null : Rows.Classification(r.GetString(5)),
                FirstAssignedAt = engine.ReadNullableTime(r, 6),
            },
            cancellationToken,
            ("@from", engine.ToDb(from)));

    public Task<IReadOnlyList<RuleOutcome>> ReadRuleOutcomesAsync(DateTimeOffset from, CancellationToken cancellationToken) =>
        ListAsync(
            RuleOutcomesSql,
            static (r, _) => new RuleOutcome(r.GetString(0), Rows.Classification(r.GetString(1)), r.GetInt64(2)),
            cancellationToken,
            ("@rule", EntityType.Rule.ToWire()),
            ("@from", engine.ToDb(from)));
}
