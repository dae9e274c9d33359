using Vigil.Detection.Attack;
using Vigil.Domain.Alerts;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// What the built-in analyst made of a dossier before scoring: techniques and tactics with the alerts behind them,
/// the context of each host and identity, intel hits, travel, sanctions and precedents. Features, the hypothesis,
/// the missing-context list and the proposed actions are all read off this one record.
/// </summary>
public sealed record CaseReading
{
    public required CaseDossier Dossier { get; init; }

    public required IReadOnlyList<(AttackTechnique Technique, IReadOnlyList<string> AlertIds)> Techniques { get; init; }

    /// <summary>Distinct tactics, in kill-chain order.</summary>
    public required IReadOnlyList<AttackTactic> Tactics { get; init; }

    public required IReadOnlyList<string> Sources { get; init; }

    public required Alert? Strongest { get; init; }

    public required IReadOnlyList<SubjectContext> Hosts { get; init; }

    public required IReadOnlyList<SubjectContext> Identities { get; init; }

    public required IReadOnlyList<EnrichmentEvidence> IntelHits { get; init; }

    public required IReadOnlyList<EnrichmentEvidence> Travel { get; init; }

    public required IReadOnlyList<EnrichmentEvidence> Sanctions { get; init; }

    public required IReadOnlyList<EnrichmentEvidence> Failed { get; init; }

    public required IReadOnlyList<EnrichmentEvidence> Stale { get; init; }

    public required IReadOnlyList<InjectionFlag> Injections { get; init; }
}
