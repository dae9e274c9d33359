using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Evidence;

public sealed record LedgerReport(IReadOnlyList<LedgerVerification> Chains)
{
    public bool IsIntact => Chains.All(c => c.IsIntact);

    public long Entries => Chains.Sum(c => (long)c.Entries);

    public IEnumerable<LedgerVerification> Broken => Chains.Where(c => !c.IsIntact);
}
