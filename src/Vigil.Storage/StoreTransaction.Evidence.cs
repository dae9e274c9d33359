using Vigil.Domain.Evidence;
using Vigil.Domain.Learn;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<bool> InsertSigningKeyAsync(SigningKey key, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.SigningKeys} ({EvidenceRows.SigningKeyColumns}) VALUES (@id, @purpose, @algorithm, @public_key, @private_key, @created_at) ON CONFLICT DO NOTHING")
            .Add("@id", key.Id)
            .Add("@purpose", key.Purpose)
            .Add("@algorithm", key.Algorithm)
            .Add("@public_key", key.PublicKey)
            .Add("@private_key", key.PrivateKey)
            .Add("@created_at", engine.ToDb(key.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task InsertTuningProposalAsync(TuningProposal proposal, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.TuningProposals} ({EvidenceRows.TuningColumns}) VALUES (@id, @case_id, @rule_id, @status, @created_at, @decided_at, @decided_by, @document)")
            .Add("@id", proposal.Id)
            .Add("@case_id", proposal.CaseId)
            .Add("@rule_id", proposal.RuleId)
            .Add("@status", proposal.Status.ToWire())
            .Add("@created_at", engine.ToDb(proposal.CreatedAt))
            .Add("@decided_at", engine.ToDbOrNull(proposal.DecidedAt))
            .Add("@decided_by", proposal.DecidedBy)
            .Add("@document", proposal.Document);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<bool> DecideTuningProposalAsync(string id, TuningStatus status, string decidedBy, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"UPDATE {VigilTables.TuningProposals} SET status = @status, decided_by = @decided_by, decided_at = @decided_at WHERE id = @id AND status = @proposed")
            .Add("@status", status.ToWire())
            .Add("@decided_by", decidedBy)
            .Add("@decided_at", engine.ToDb(at))
            .Add("@id", id)
            .Add("@proposed", TuningStatus.Proposed.ToWire());
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task InsertLearningTaskAsync(LearningTask task, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"INSERT INTO {VigilTables.LearningTasks} ({EvidenceRows.TaskColumns}) VALUES (@id, @case_id, @kind, @title, @owner, @due_at, @status, @created_at, @done_at, @ref_id)");
        AddTask(command, task);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<LearningTask?> GetLearningTaskForUpdateAsync(string id, CancellationToken cancellationToken)
    {
        await using var command = Command($"SELECT {EvidenceRows.TaskColumns} FROM {VigilTables.LearningTasks} WHERE id = @id" + engine.ForUpdate).Add("@id", id);
        return await Query.FirstAsync(command, engine, EvidenceRows.Task, cancellationToken);
    }

    public async Task UpdateLearningTaskAsync(LearningTask task, CancellationToken cancellationToken)
    {
        await using var command = Command(
            $"UPDATE {VigilTables.LearningTasks} SET kind = @kind, title = @title, owner = @owner, due_at = @due_at, status = @status, created_at = @created_at, done_at = @done_at, ref_id = @ref_id WHERE id = @id AND case_id = @case_id");
        AddTask(command, task);
        if (await command.ExecuteNonQueryAsync(cancellationToken) != 1)
        {
            throw new InvalidOperationException($"learning task {task.Id} does not exist");
        }
    }

    private void AddTask(System.Data.Common.DbCommand command, LearningTask task) => command
        .Add("@id", task.Id)
        .Add("@case_id", task.CaseId)
        .Add("@kind", task.Kind.ToWire())
        .Add("@title", task.Title)
        .Add("@owner", task.Owner)
        .Add("@due_at", engine.ToDb(task.DueAt))
        .Add("@status", task.Status.ToWire())
        .Add("@created_at", engine.ToDb(task.CreatedAt))
        .Add("@done_at", engine.ToDbOrNull(task.DoneAt))
        .Add("@ref_id", task.RefId);
}
