using System.Collections.Concurrent;
using System.Globalization;
using static Vigil.Storage.Sql.ParameterKind;

namespace Vigil.Storage.Sql;

/// <summary>
/// Grouping's lookup, run once per new alert inside the ingest transaction, in two shapes: one entity key per statement
/// (SQLite, in-process) or up to <see cref="KeysPerLookup"/> keys in one IN list (PostgreSQL, where each statement is a
/// round trip). Each shape is prepared once and reused.
/// </summary>
/// <remarks>
/// The row limit is part of the SQL text, never a parameter: SQLite (3.53) plans with the LIMIT value, so a bound
/// LIMIT marks the statement for re-preparation on every new binding, which was 11% of the ingest path's SQLite time.
/// The single-key shape walks ix_vigil_case_entities_recent backwards and stops at the limit, with a primary-key probe
/// per hit for the case; the IN shape would need a temporary b-tree for the IN list and another for the ORDER BY,
/// each allocated and freed per execution.
/// </remarks>
internal static class CorrelationStatements
{
    /// <summary>Most entity keys one IN-list lookup carries; alerts naming more take several lookups, merged.</summary>
    public const int KeysPerLookup = 16;

    private static readonly ConcurrentDictionary<int, Statement> SingleKey = new();
    private static readonly ConcurrentDictionary<(int Keys, int Limit), Statement> ManyKeys = new();

    /// <summary>@k0, @since; rows (case_id, entity_key, last_at, alert_count), most recent first, at most <paramref name="limit"/>.</summary>
    public static Statement OpenCasesByEntity(int limit) => SingleKey.GetOrAdd(limit, static l => Lookup(1, l));

    /// <summary>@k0…@k{n-1}, then @since; same rows as <see cref="OpenCasesByEntity"/>.</summary>
    public static Statement OpenCasesByEntities(int keys, int limit) => ManyKeys.GetOrAdd((keys, limit), static k => Lookup(k.Keys, k.Limit));

    private static Statement Lookup(int keys, int limit)
    {
        var names = Enumerable.Range(0, keys).Select(i => $"@k{i}").ToArray();
        var match = keys == 1 ? "ce.entity_key = @k0" : $"ce.entity_key IN ({string.Join(", ", names)})";
        return new Statement(
            $"SELECT ce.case_id, ce.entity_key, ce.last_at, c.alert_count FROM {VigilTables.CaseEntities} ce"
            + $" JOIN {VigilTables.Cases} c ON c.id = ce.case_id"
            + $" WHERE {match} AND ce.last_at >= @since AND c.state <> 'closed'"
            + " ORDER BY ce.last_at DESC LIMIT " + limit.ToString(CultureInfo.InvariantCulture),
            [.. names.Select(n => (n, Text)), ("@since", Time)]);
    }
}
