using Vigil.Domain.Alerts;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Correlate;

/// <summary>Decides which case a newly stored alert joins, inside the ingest transaction.</summary>
public interface ICaseAssigner
{
    Task<CaseAssignment> AssignAsync(Alert alert, IStoreTransaction transaction, CancellationToken cancellationToken);
}
