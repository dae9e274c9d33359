using static Vigil.Storage.Sql.ParameterKind;

namespace Vigil.Storage.Sql;

/// <summary>
/// Grouping's lookup, run once per new alert inside the ingest transaction: prepared per number of entity keys, so a
/// batch plans each shape once.
/// </summary>
internal static class CorrelationStatements
{
    /// <summary>Most entity keys one lookup carries; alerts naming more take several lookups, merged.</summary>
    public const int KeysPerLookup = 16;

    // The IN list plus a range on last_at walks ix_vigil_case_entities_recent once per key; the join to the case is a
    // primary-key probe per hit, so the cost follows how many cases saw these entities lately, not how many exist.
    private static readonly Statement[] Lookups = [.. Enumerable.Range(1, KeysPerLookup).Select(Lookup)];

    /// <summary>@k0…@k{n-1}, then @since, then @limit.</summary>
    public static Statement OpenCasesByEntities(int keys) => Lookups[keys - 1];

    private static Statement Lookup(int keys)
    {
        var names = Enumerable.Range(0, keys).Select(i => $"@k{i}").ToArray();
        return new Statement(
            $"SELECT ce.case_id, ce.entity_key, ce.last_at, c.alert_count FROM {VigilTables.CaseEntities} ce"
            + $" JOIN {VigilTables.Cases} c ON c.id = ce.case_id"
            + $" WHERE ce.entity_key IN ({string.Join(", ", names)}) AND ce.last_at >= @since AND c.state <> 'closed'"
            + " ORDER BY ce.last_at DESC LIMIT @limit",
            [.. names.Select(n => (n, Text)), ("@since", Time), ("@limit", Integer)]);
    }
}
