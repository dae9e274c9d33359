using System.Data.Common;
using System.Globalization;
using System.Text;
using Vigil.Domain.Cases;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Engines;
using Vigil.Storage.Sql;

namespace Vigil.Storage.Cases;

/// <summary>
/// Builds the case-list query: filters, then the keyset condition after the cursor, then the sort, one row more than
/// the page to learn whether another page follows. All values are parameters; only column names from
/// <see cref="CaseSorts"/> are spliced in.
/// </summary>
internal static class CaseListSql
{
    public const int MaxLimit = 500;

    public static int Limit(CaseQuery query) => Math.Clamp(query.Limit, 1, MaxLimit);

    public static void Build(DbCommand command, CaseQuery query, StoreEngine engine)
    {
        var keys = CaseSorts.Keys(query.Sort);
        var sql = new StringBuilder($"SELECT {Columns.Case} FROM {VigilTables.Cases} WHERE 1 = 1");
        if (query.States is { Count: > 0 } states)
        {
            sql.Append(" AND state IN (");
            for (var i = 0; i < states.Count; i++)
            {
                sql.Append(i == 0 ? "@state" : ", @state").Append(i);
                command.Add($"@state{i}", states[i].ToWire());
            }

            sql.Append(')');
        }
        else if (query.Open is { } open)
        {
            sql.Append(open ? " AND state <> @closed" : " AND state = @closed");
            command.Add("@closed", CaseState.Closed.ToWire());
        }

        if (query.MinSeverity is { } minSeverity)
        {
            sql.Append(" AND severity >= @min_severity");
            command.Add("@min_severity", (int)minSeverity);
        }

        if (query.Owner is { } owner)
        {
            sql.Append(" AND owner = @owner");
            command.Add("@owner", owner);
        }

        if (!string.IsNullOrEmpty(query.Text))
        {
            sql.Append(" AND title ").Append(engine.InsensitiveLike).Append(@" @text ESCAPE '\'");
            command.Add("@text", string.Concat("%", EscapeLike(query.Text), "%"));
        }

        if (query.OpenedAfter is { } after)
        {
            sql.Append(" AND opened_at >= @opened_after");
            command.Add("@opened_after", engine.ToDb(after));
        }

        if (query.OpenedBefore is { } before)
        {
            sql.Append(" AND opened_at < @opened_before");
            command.Add("@opened_before", engine.ToDb(before));
        }

        if (query.After is { } cursor)
        {
            var values = CaseCursor.Decode(cursor, query.Sort, keys);
            for (var i = 0; i < keys.Count; i++)
            {
                command.Add($"@k{i}", ParameterValue(keys[i], values[i], engine));
            }

            sql.Append(" AND ");
            AppendKeyset(sql, keys, 0);
        }

        sql.Append(" ORDER BY ");
        for (var i = 0; i < keys.Count; i++)
        {
            sql.Append(i == 0 ? string.Empty : ", ").Append(keys[i].Column).Append(keys[i].Descending ? " DESC" : " ASC");
        }

        sql.Append(" LIMIT ").Append((Limit(query) + 1).ToString(CultureInfo.InvariantCulture));
        command.CommandText = sql.ToString();
    }

    public static CasePage Page(CaseQuery query, List<Case> rows)
    {
        var limit = Limit(query);
        if (rows.Count <= limit)
        {
            return new CasePage(rows, null);
        }

        rows.RemoveAt(rows.Count - 1);
        return new CasePage(rows, CaseCursor.Encode(query.Sort, CaseSorts.Keys(query.Sort), rows[^1]));
    }

    /// <summary>Escapes LIKE's wildcards so that a search for "100%" finds that text, not everything after "100".</summary>
    public static string EscapeLike(string text) =>
        text.Replace(@"\", @"\\", StringComparison.Ordinal)
            .Replace("%", @"\%", StringComparison.Ordinal)
            .Replace("_", @"\_", StringComparison.Ordinal);

    // (k0 > @k0) OR (k0 = @k0 AND ((k1 > @k1) OR (k1 = @k1 AND …))), with < for descending keys. Expanded rather than a
    // row comparison because SeverityDesc mixes directions.
    private static void AppendKeyset(StringBuilder sql, IReadOnlyList<SortKey> keys, int index)
    {
        var key = keys[index];
        var parameter = string.Concat("@k", index.ToString(CultureInfo.InvariantCulture));
        sql.Append("((").Append(key.Column).Append(key.Descending ? " < " : " > ").Append(parameter).Append(')');
        if (index < keys.Count - 1)
        {
            sql.Append(" OR (").Append(key.Column).Append(" = ").Append(parameter).Append(" AND ");
            AppendKeyset(sql, keys, index + 1);
            sql.Append(')');
        }

        sql.Append(')');
    }

    private static object ParameterValue(SortKey key, string value, StoreEngine engine) => key.Kind switch
    {
        SortKeyKind.Time => engine.ToDb(UnixMicros.To(long.Parse(value, CultureInfo.InvariantCulture))),
        SortKeyKind.Integer => int.Parse(value, CultureInfo.InvariantCulture),
        SortKeyKind.Id => value,
        _ => throw new ArgumentOutOfRangeException(nameof(key), key.Kind, null),
    };
}
