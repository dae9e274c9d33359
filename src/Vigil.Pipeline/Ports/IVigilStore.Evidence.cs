using Vigil.Domain.Evidence;
using Vigil.Domain.Learn;
using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Ports;

public partial interface IVigilStore
{
    Task<SigningKey?> GetSigningKeyAsync(string purpose, CancellationToken cancellationToken);

    /// <summary>Entries across every chain, for bulk export, reports and streams (see <see cref="LedgerQuery"/>).</summary>
    Task<IReadOnlyList<LedgerEntry>> ReadLedgerAsync(LedgerQuery query, CancellationToken cancellationToken);

    Task<TuningProposal?> GetTuningProposalAsync(string id, CancellationToken cancellationToken);

    /// <summary>Proposals of one case, or of every case when <paramref name="caseId"/> is null, oldest first.</summary>
    Task<IReadOnlyList<TuningProposal>> ListTuningProposalsAsync(string? caseId, CancellationToken cancellationToken);

    /// <summary>Tasks of one case (or all), oldest first; only open ones when <paramref name="openOnly"/>.</summary>
    Task<IReadOnlyList<LearningTask>> ListLearningTasksAsync(string? caseId, bool openOnly, CancellationToken cancellationToken);
}
