using Vigil.Domain.Alerts;
using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Ingest;

/// <summary>One caller's alerts waiting for the group commit, and the promise that answers the caller after it.</summary>
internal sealed record PendingIngest(IReadOnlyList<AlertDraft> Drafts, Actor Actor, CancellationToken CancellationToken)
{
    public TaskCompletionSource<IReadOnlyList<IngestOutcome>> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
}
