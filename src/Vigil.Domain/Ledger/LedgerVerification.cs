namespace Vigil.Domain.Ledger;

public sealed record LedgerVerification(string ChainId, int Entries, IReadOnlyList<LedgerProblem> Problems)
{
    public bool IsIntact => Problems.Count == 0;
}
