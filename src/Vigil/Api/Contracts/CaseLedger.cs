using Vigil.Domain.Ledger;

namespace Vigil.Api.Contracts;

/// <summary>A case's chain as stored, and whether it verifies.</summary>
internal sealed record CaseLedger(string Chain, IReadOnlyList<LedgerEntry> Entries, bool Intact, IReadOnlyList<LedgerProblemView> Problems);
