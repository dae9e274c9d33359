namespace Vigil.Domain.Ledger;

public static class LedgerChains
{
    /// <summary>The chain for events that belong to no case.</summary>
    public const string System = "system";
}
