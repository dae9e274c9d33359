using Vigil.Domain.Access;
using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Entities;
using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Ports;

/// <summary>
/// The store. Reads are plain calls; every change goes through an <see cref="IStoreTransaction"/> so that the change
/// and the ledger entry recording it commit together or not at all.
/// </summary>
public partial interface IVigilStore : IAsyncDisposable
{
    StoreMode Mode { get; }

    /// <summary>Where the data lives, without credentials (for logs and <c>/healthz</c>).</summary>
    string Description { get; }

    /// <summary>Applies pending migrations; returns the names of those applied now.</summary>
    Task<IReadOnlyList<string>> MigrateAsync(CancellationToken cancellationToken);

    Task<IStoreTransaction> BeginAsync(CancellationToken cancellationToken);

    Task<bool> PingAsync(CancellationToken cancellationToken);

    Task<Alert?> GetAlertAsync(string id, CancellationToken cancellationToken);

    Task<Alert?> FindAlertByFingerprintAsync(string fingerprint, CancellationToken cancellationToken);

    Task<IReadOnlyList<Alert>> GetCaseAlertsAsync(string caseId, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseAlertLink>> GetCaseAlertLinksAsync(string caseId, CancellationToken cancellationToken);

    Task<IReadOnlyList<Entity>> GetCaseEntitiesAsync(string caseId, CancellationToken cancellationToken);

    Task<Case?> GetCaseAsync(string id, CancellationToken cancellationToken);

    Task<CasePage> ListCasesAsync(CaseQuery query, CancellationToken cancellationToken);

    Task<IReadOnlyList<CaseNote>> GetNotesAsync(string caseId, CancellationToken cancellationToken);

    /// <summary>Every entry of a chain in sequence order, as stored (tampered or not).</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(string chainId, CancellationToken cancellationToken);

    Task<LedgerHead?> GetLedgerHeadAsync(string chainId, CancellationToken cancellationToken);

    /// <summary>Every chain id that has entries or a head, so a verifier can find chains whose entries were all removed.</summary>
    Task<IReadOnlyList<string>> ListLedgerChainsAsync(CancellationToken cancellationToken);

    Task<IReadOnlyList<DeadLetter>> ListDeadLettersAsync(DeadLetterQuery query, CancellationToken cancellationToken);

    Task<DeadLetter?> GetDeadLetterAsync(string id, CancellationToken cancellationToken);

    Task<ApiKeyRecord?> GetApiKeyAsync(string id, CancellationToken cancellationToken);

    Task<IReadOnlyList<ApiKeyRecord>> ListApiKeysAsync(CancellationToken cancellationToken);

    Task<UserRecord?> FindUserAsync(string username, CancellationToken cancellationToken);

    Task<long> CountUsersAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Claims up to <paramref name="max"/> due jobs (pending and due, or running with a lapsed lease) for
    /// <paramref name="ownerId"/> until <paramref name="leaseUntil"/>. Two workers never hold the same job at once.
    /// </summary>
    Task<IReadOnlyList<JobRecord>> ClaimJobsAsync(string ownerId, string? kind, int max, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    /// <summary>Extends a lease still held by <paramref name="ownerId"/>; false when it was lost.</summary>
    Task<bool> RenewJobLeaseAsync(string jobId, string ownerId, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken cancellationToken);

    Task<JobRecord?> GetJobAsync(string id, CancellationToken cancellationToken);

    /// <summary>Counts for <c>/metrics</c> and health.</summary>
    Task<StoreStats> GetStatsAsync(CancellationToken cancellationToken);
}
