using Vigil.Domain.Access;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Cases;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    private const int MaxDeadLetterPage = 1000;

    private const string StatsSql =
        $"SELECT (SELECT COUNT(*) FROM {VigilTables.Alerts}), (SELECT CAST(COALESCE(SUM(occurrence_count), 0) AS BIGINT) FROM {VigilTables.Alerts}),"
        + $" (SELECT COUNT(*) FROM {VigilTables.Cases}), (SELECT COUNT(*) FROM {VigilTables.Cases} WHERE state <> 'closed'),"
        + $" (SELECT COUNT(*) FROM {VigilTables.Ledger}), (SELECT COUNT(*) FROM {VigilTables.DeadLetters} WHERE status = 'pending')";

    private const string AlertJoin = $"SELECT {Columns.AlertWithCase} FROM {VigilTables.Alerts} a LEFT JOIN {VigilTables.CaseAlerts} l ON l.alert_id = a.id";

    public Task<Alert?> GetAlertAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync($"{AlertJoin} WHERE a.id = @id", Rows.Alert, cancellationToken, ("@id", id));

    public Task<Alert?> FindAlertByFingerprintAsync(string fingerprint, CancellationToken cancellationToken) =>
        SingleAsync($"{AlertJoin} WHERE a.fingerprint = @fingerprint", Rows.Alert, cancellationToken, ("@fingerprint", fingerprint));

    public Task<IReadOnlyList<Alert>> GetCaseAlertsAsync(string caseId, CancellationToken cancellationToken) =>
        ListAsync($"{AlertJoin} WHERE l.case_id = @case_id ORDER BY l.joined_at, a.id", Rows.Alert, cancellationToken, ("@case_id", caseId));

    public Task<IReadOnlyList<CaseAlertLink>> GetCaseAlertLinksAsync(string caseId, CancellationToken cancellationToken) =>
        ListAsync(StoreSql.SelectLinks, Rows.Link, cancellationToken, ("@case_id", caseId));

    public Task<IReadOnlyList<Entity>> GetCaseEntitiesAsync(string caseId, CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT type, value FROM {VigilTables.CaseEntities} WHERE case_id = @case_id ORDER BY first_seen, entity_key",
            static (r, _) => JsonText.ToEntity(r.GetString(0), r.GetString(1)),
            cancellationToken,
            ("@case_id", caseId));

    public Task<Case?> GetCaseAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync(StoreSql.SelectCase, Rows.Case, cancellationToken, ("@id", id));

    public async Task<CasePage> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, null, string.Empty);
        CaseListSql.Build(command, query, engine);
        return CaseListSql.Page(query, await Query.ListAsync(command, engine, Rows.Case, cancellationToken));
    }

    public Task<IReadOnlyList<CaseNote>> GetNotesAsync(string caseId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns.Note} FROM {VigilTables.Notes} WHERE case_id = @case_id ORDER BY at, id", Rows.Note, cancellationToken, ("@case_id", caseId));

    public Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string chainId, CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns.Ledger} FROM {VigilTables.Ledger} WHERE chain_id = @chain_id ORDER BY seq", Rows.LedgerEntry, cancellationToken, ("@chain_id", chainId));

    public Task<LedgerHead?> GetLedgerHeadAsync(string chainId, CancellationToken cancellationToken) =>
        SingleAsync(
            $"SELECT chain_id, seq, hash FROM {VigilTables.LedgerHeads} WHERE chain_id = @chain_id",
            static (r, _) => new LedgerHead(r.GetString(0), r.GetInt64(1), r.GetString(2)),
            cancellationToken,
            ("@chain_id", chainId));

    public Task<IReadOnlyList<string>> ListLedgerChainsAsync(CancellationToken cancellationToken) =>
        ListAsync(
            $"SELECT chain_id FROM {VigilTables.LedgerHeads} UNION SELECT chain_id FROM {VigilTables.Ledger} ORDER BY 1",
            static (r, _) => r.GetString(0),
            cancellationToken);

    public async Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, null, string.Empty);
        var sql = new System.Text.StringBuilder($"SELECT {Columns.DeadLetter} FROM {VigilTables.DeadLetters} WHERE 1 = 1");
        if (query.Source is { } source)
        {
            sql.Append(" AND source = @source");
            command.Add("@source", source);
        }

        if (query.Status is { } status)
        {
            sql.Append(" AND status = @status");
            command.Add("@status", status.ToWire());
        }

        if (query.After is { } after)
        {
            sql.Append(" AND id > @after");
            command.Add("@after", after);
        }

        sql.Append(" ORDER BY id LIMIT ").Append(Math.Clamp(query.Limit, 1, MaxDeadLetterPage).ToString(System.Globalization.CultureInfo.InvariantCulture));
        command.CommandText = sql.ToString();
        return await Query.ListAsync(command, engine, Rows.DeadLetter, cancellationToken);
    }

    public Task<DeadLetter?> GetDeadLetterAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {Columns.DeadLetter} FROM {VigilTables.DeadLetters} WHERE id = @id", Rows.DeadLetter, cancellationToken, ("@id", id));

    public Task<ApiKeyRecord?> GetApiKeyAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {Columns.ApiKey} FROM {VigilTables.ApiKeys} WHERE id = @id", Rows.ApiKey, cancellationToken, ("@id", id));

    public Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken) =>
        ListAsync($"SELECT {Columns.ApiKey} FROM {VigilTables.ApiKeys} ORDER BY created_at, id", Rows.ApiKey, cancellationToken);

    public Task<UserRecord?> FindUserAsync(string username, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {Columns.User} FROM {VigilTables.Users} WHERE username = @username", Rows.User, cancellationToken, ("@username", username));

    public Task<long> CountUsersAsync(CancellationToken cancellationToken) => CountAsync($"SELECT COUNT(*) FROM {VigilTables.Users}", cancellationToken);

    public async Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, null, StatsSql);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new StoreStats
        {
            Alerts = reader.GetInt64(0),
            Occurrences = reader.GetInt64(1),
            Cases = reader.GetInt64(2),
            OpenCases = reader.GetInt64(3),
            LedgerEntries = reader.GetInt64(4),
            DeadLettersPending = reader.GetInt64(5),
        };
    }
}
