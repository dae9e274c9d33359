using Vigil.Pipeline.Ports;
using Vigil.Storage.Jobs;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class StoreTransaction
{
    public async Task<bool> EnqueueJobAsync(JobRecord job, CancellationToken cancellationToken)
    {
        var command = await PreparedAsync(HotStatements.InsertJob, cancellationToken);
        command.Set(0, job.Id);
        command.Set(1, job.Kind);
        command.Set(2, job.Payload);
        command.Set(3, JobSql.StatusName(JobStatus.Pending));
        command.Set(4, engine.ToDb(job.RunAt));
        command.Set(5, job.IdempotencyKey);
        command.Set(6, engine.ToDb(job.CreatedAt));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> CompleteJobAsync(string jobId, string ownerId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        await using var command = Db.Command(_connection, transaction, JobSql.Complete)
            .Add("@id", jobId)
            .Add("@owner", ownerId)
            .Add("@now", engine.ToDb(now));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task<bool> FailJobAsync(string jobId, string ownerId, string error, DateTimeOffset? retryAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_done, this);
        await using var command = Db.Command(_connection, transaction, JobSql.Fail)
            .Add("@status", JobSql.StatusName(retryAt is null ? JobStatus.Dead : JobStatus.Pending))
            .Add("@run_at", engine.ToDb(retryAt ?? now))
            .Add("@error", error.Length > 4000 ? error[..4000] : error)
            .Add("@now", engine.ToDb(now))
            .Add("@id", jobId)
            .Add("@owner", ownerId);
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }
}
