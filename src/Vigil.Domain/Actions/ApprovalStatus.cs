namespace Vigil.Domain.Actions;

public enum ApprovalStatus
{
    Pending,
    Approved,
    Rejected,
    Expired,
}
