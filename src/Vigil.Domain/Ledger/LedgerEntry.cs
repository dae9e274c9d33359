namespace Vigil.Domain.Ledger;

/// <summary>
/// One link of a hash chain. A chain is a case's (its id is the case id) or the system chain for events that belong
/// to no case (sign-ins, API keys). <see cref="Payload"/> is the canonical JSON text that was hashed, kept as text
/// (never as a re-serialised document) so that verification sees the same bytes.
/// </summary>
public sealed record LedgerEntry
{
    public required string ChainId { get; init; }

    public required long Seq { get; init; }

    public required string Kind { get; init; }

    public required Actor Actor { get; init; }

    public required DateTimeOffset At { get; init; }

    public required string Payload { get; init; }

    public required string PrevHash { get; init; }

    public required string Hash { get; init; }
}
