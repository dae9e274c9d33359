using Vigil.Domain.Evidence;
using Vigil.Domain.Ledger;

namespace Vigil.Api.Contracts;

/// <summary>An artefact's metadata and, when asked for one artefact, its chain of custody (the ledger entries naming it).</summary>
public sealed record ArtefactView(Artefact Artefact, IReadOnlyList<LedgerEntry>? Custody);
