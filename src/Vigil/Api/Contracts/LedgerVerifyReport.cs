namespace Vigil.Api.Contracts;

/// <summary>
/// Every chain verified. A broken chain is a finding, not a failed request: the answer is 200 with
/// <see cref="Intact"/> false and every problem named.
/// </summary>
internal sealed record LedgerVerifyReport(bool Intact, int Chains, long Entries, IReadOnlyList<string> BrokenChains, IReadOnlyList<LedgerProblemView> Problems);
