namespace Vigil.Domain.Learn;

public enum TuningStatus
{
    Proposed,
    Accepted,
    Rejected,
}
