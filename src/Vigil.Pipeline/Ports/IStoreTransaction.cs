using Vigil.Domain.Access;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Ports;

/// <summary>
/// One unit of work. Disposing without <see cref="CommitAsync"/> rolls everything back. On SQLite the transaction
/// holds the single writer lock from the start (BEGIN IMMEDIATE); on PostgreSQL rows read "for update" are locked.
/// </summary>
public partial interface IStoreTransaction : IAsyncDisposable
{
    /// <summary>
    /// Inserts the alert, or, when its fingerprint is already stored, counts one more occurrence (last seen, count)
    /// and returns the stored alert. Never fails on a repeat and never duplicates.
    /// </summary>
    Task<AlertUpsert> UpsertAlertAsync(Alert alert, CancellationToken cancellationToken);

    Task InsertCaseAsync(Case @case, CancellationToken cancellationToken);

    /// <summary>Reads a case and locks it for this transaction.</summary>
    Task<Case?> GetCaseForUpdateAsync(string id, CancellationToken cancellationToken);

    /// <summary>Writes the case if its stored version is <paramref name="expectedVersion"/>; false if someone got there first.</summary>
    Task<bool> UpdateCaseAsync(Case @case, long expectedVersion, CancellationToken cancellationToken);

    /// <summary>Links an alert to a case (an alert is in at most one case at a time) and stores the case's entities.</summary>
    Task AttachAlertAsync(CaseAlertLink link, Alert alert, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseAlertLink>> GetCaseAlertLinksAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Moves an alert's link to another case, keeping its origin; entities follow.</summary>
    Task MoveAlertAsync(string alertId, string toCaseId, CancellationToken cancellationToken);

    Task InsertNoteAsync(CaseNote note, CancellationToken cancellationToken);

    /// <summary>
    /// Appends to a chain: reads and locks its head, hashes the new entry onto it (<see cref="LedgerHasher.Next"/>),
    /// inserts it and moves the head, all inside this transaction.
    /// </summary>
    Task<LedgerEntry> AppendLedgerAsync(string chainId, string kind, Actor actor, DateTimeOffset at, string payload, CancellationToken cancellationToken);

    Task InsertDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    Task UpdateDeadLetterAsync(DeadLetter deadLetter, CancellationToken cancellationToken);

    Task InsertApiKeyAsync(ApiKeyRecord key, CancellationToken cancellationToken);

    Task<bool> RevokeApiKeyAsync(string id, DateTimeOffset at, CancellationToken cancellationToken);

    Task InsertUserAsync(UserRecord user, CancellationToken cancellationToken);

    /// <summary>Stores a job with this change (outbox); false when a job with its idempotency key already exists.</summary>
    Task<bool> EnqueueJobAsync(JobRecord job, CancellationToken cancellationToken);

    /// <summary>
    /// Marks a job done as part of this transaction, if <paramref name="ownerId"/> still holds its lease. False means the
    /// lease was lost to another worker: the caller must not commit, so the effects roll back with it.
    /// </summary>
    Task<bool> CompleteJobAsync(string jobId, string ownerId, DateTimeOffset now, CancellationToken cancellationToken);

    /// <summary>Releases a job after a failure: pending again at <paramref name="retryAt"/>, or dead when that is null.</summary>
    Task<bool> FailJobAsync(string jobId, string ownerId, string error, DateTimeOffset? retryAt, DateTimeOffset now, CancellationToken cancellationToken);

    Task CommitAsync(CancellationToken cancellationToken);
}
