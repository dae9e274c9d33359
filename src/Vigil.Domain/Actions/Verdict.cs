namespace Vigil.Domain.Actions;

public enum Verdict
{
    Approve,
    Reject,
}
