using Vigil.Domain.Alerts;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// No grouping: every distinct alert opens its own case (repeats of the same alert are occurrences, not new alerts,
/// so they never open one). <see cref="EntityGroupingAssigner"/> is the default; this one serves tests and seeding.
/// </summary>
public sealed class OneCasePerAlertAssigner : ICaseAssigner
{
    public Task<CaseAssignment> AssignAsync(Alert alert, IStoreTransaction transaction, CancellationToken cancellationToken) =>
        Task.FromResult(CaseAssignment.OpenNew("new alert: no grouping rule matched"));
}
