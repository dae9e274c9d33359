using System.Globalization;
using System.Text;
using Vigil.Domain.Evidence;
using Vigil.Domain.Learn;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    private const int MaxLedgerPage = 10_000;

    public Task<SigningKey?> GetSigningKeyAsync(string purpose, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {EvidenceRows.SigningKeyColumns} FROM {VigilTables.SigningKeys} WHERE purpose = @purpose", EvidenceRows.SigningKey, cancellationToken, ("@purpose", purpose));

    public async Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(LedgerQuery query, CancellationToken cancellationToken)
    {
        await using var connection = await engine.OpenAsync(cancellationToken);
        await using var command = Db.Command(connection, null, string.Empty);
        var sql = new StringBuilder($"SELECT {Columns.Ledger} FROM {VigilTables.Ledger} WHERE 1 = 1");
        if (query.From is { } from)
        {
            sql.Append(" AND at >= @from");
            command.Add("@from", engine.ToDb(from));
        }

        if (query.To is { } to)
        {
            sql.Append(" AND at < @to");
            command.Add("@to", engine.ToDb(to));
        }

        if (query.AfterChain is { } chain)
        {
            sql.Append(" AND (chain_id > @chain OR (chain_id = @chain AND seq > @seq))");
            command.Add("@chain", chain).Add("@seq", query.AfterSeq);
        }

        sql.Append(" ORDER BY chain_id, seq LIMIT ").Append(Math.Clamp(query.Limit, 1, MaxLedgerPage).ToString(CultureInfo.InvariantCulture));
        command.CommandText = sql.ToString();
        return await Query.ListAsync(command, engine, Rows.LedgerEntry, cancellationToken);
    }

    public Task<TuningProposal?> GetTuningProposalAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync($"SELECT {EvidenceRows.TuningColumns} FROM {VigilTables.TuningProposals} WHERE id = @id", EvidenceRows.Tuning, cancellationToken, ("@id", id));

    public Task<IReadOnlyList<TuningProposal>> ListTuningProposalsAsync(string? caseId, CancellationToken cancellationToken) =>
        caseId is null
            ? ListAsync($"SELECT {EvidenceRows.TuningColumns} FROM {VigilTables.TuningProposals} ORDER BY created_at, id", EvidenceRows.Tuning, cancellationToken)
            : ListAsync($"SELECT {EvidenceRows.TuningColumns} FROM {VigilTables.TuningProposals} WHERE case_id = @case_id ORDER BY created_at, id", EvidenceRows.Tuning, cancellationToken, ("@case_id", caseId));

    public Task<IReadOnlyList<LearningTask>> ListLearningTasksAsync(string? caseId, bool openOnly, CancellationToken cancellationToken)
    {
        var sql = new StringBuilder($"SELECT {EvidenceRows.TaskColumns} FROM {VigilTables.LearningTasks} WHERE 1 = 1");
        var parameters = new List<(string, object?)>();
        if (caseId is not null)
        {
            sql.Append(" AND case_id = @case_id");
            parameters.Add(("@case_id", caseId));
        }

        if (openOnly)
        {
            sql.Append(" AND status = @status");
            parameters.Add(("@status", LearningTaskStatus.Open.ToWire()));
        }

        sql.Append(" ORDER BY created_at, id");
        return ListAsync(sql.ToString(), EvidenceRows.Task, cancellationToken, [.. parameters]);
    }
}
