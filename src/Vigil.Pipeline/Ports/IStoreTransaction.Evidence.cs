using Vigil.Domain.Evidence;
using Vigil.Domain.Learn;

namespace Vigil.Pipeline.Ports;

public partial interface IStoreTransaction
{
    /// <summary>Stores a key unless one exists for its purpose already; false when another writer got there first.</summary>
    Task<bool> InsertSigningKeyAsync(SigningKey key, CancellationToken cancellationToken);

    Task InsertTuningProposalAsync(TuningProposal proposal, CancellationToken cancellationToken);

    /// <summary>Records a decision on a proposal that is still proposed; false when it was already decided.</summary>
    Task<bool> DecideTuningProposalAsync(string id, TuningStatus status, string decidedBy, DateTimeOffset at, CancellationToken cancellationToken);

    Task InsertLearningTaskAsync(LearningTask task, CancellationToken cancellationToken);

    Task<LearningTask?> GetLearningTaskForUpdateAsync(string id, CancellationToken cancellationToken);

    /// <summary>Writes a task's owner, due date and status (the id and case never change).</summary>
    Task UpdateLearningTaskAsync(LearningTask task, CancellationToken cancellationToken);
}
