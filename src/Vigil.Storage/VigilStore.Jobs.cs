using Vigil.Pipeline.Ports;
using Vigil.Storage.Jobs;
using Vigil.Storage.Sql;

namespace Vigil.Storage;

internal sealed partial class VigilStore
{
    public async Task<IReadOnlyList<JobRecord>> ClaimJobsAsync(string ownerId, string? kind, int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var transaction = await engine.BeginWriteAsync(cancellationToken);
        try
        {
            await using var command = Db.Command(transaction.Connection!, transaction, JobSql.Claim(engine, kind is not null))
                .Add("@owner", ownerId)
                .Add("@lease", engine.ToDb(leaseUntil))
                .Add("@now", engine.ToDb(now))
                .Add("@max", Math.Clamp(max, 1, 1000));
            if (kind is not null)
            {
                command.Add("@kind", kind);
            }

            var claimed = await Query.ListAsync(command, engine, JobSql.Read, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return claimed;
        }
        finally
        {
            await engine.EndWriteAsync(transaction);
        }
    }

    public async Task<bool> RenewJobLeaseAsync(string jobId, string ownerId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken)
    {
        var transaction = await engine.BeginWriteAsync(cancellationToken);
        try
        {
            await using var command = Db.Command(transaction.Connection!, transaction, JobSql.Renew)
                .Add("@lease", engine.ToDb(leaseUntil))
                .Add("@now", engine.ToDb(now))
                .Add("@id", jobId)
                .Add("@owner", ownerId);
            var renewed = await command.ExecuteNonQueryAsync(cancellationToken) == 1;
            await transaction.CommitAsync(cancellationToken);
            return renewed;
        }
        finally
        {
            await engine.EndWriteAsync(transaction);
        }
    }

    public Task<JobRecord?> GetJobAsync(string id, CancellationToken cancellationToken) =>
        SingleAsync(JobSql.Get, JobSql.Read, cancellationToken, ("@id", id));
}
