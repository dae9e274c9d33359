namespace Vigil.Domain.Ledger;

/// <summary>Ledger entry kinds written by retention, on the case's chain.</summary>
public static class RetentionKinds
{
    public const string HoldSet = "retention.hold_set";
    public const string HoldReleased = "retention.hold_released";
    public const string Disposed = "retention.disposed";
}
