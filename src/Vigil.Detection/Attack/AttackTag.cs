namespace Vigil.Detection.Attack;

/// <summary>
/// One <c>attack.*</c> Sigma tag resolved against the catalogue. Tags the catalogue does not know are kept with
/// <see cref="IsKnown"/> false rather than rejected, so rules written against a newer ATT&amp;CK still load.
/// </summary>
public sealed record AttackTag
{
    /// <summary>The tag exactly as written in the rule.</summary>
    public required string Tag { get; init; }

    public required AttackTagKind Kind { get; init; }

    /// <summary>The canonical id: <c>T1059.001</c>, <c>TA0002</c>, <c>G0007</c>, <c>S0002</c>; the raw suffix when unrecognised.</summary>
    public required string Id { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="AttackTagKind.Technique"/> and the catalogue has the id.</summary>
    public AttackTechnique? Technique { get; init; }

    /// <summary>Set when <see cref="Kind"/> is <see cref="AttackTagKind.Tactic"/> and the catalogue has it.</summary>
    public AttackTactic? Tactic { get; init; }

    /// <summary>
    /// True when the catalogue can vouch for the id. Groups, software, data sources, mitigations and assets are not
    /// in the shipped catalogue, so they are recognised by shape only and count as known.
    /// </summary>
    public required bool IsKnown { get; init; }

    /// <summary>For unknown tags, the ATT&amp;CK v18 tags SigmaHQ replaced with this one (most frequent first); else empty.</summary>
    public IReadOnlyList<string> V18Hints { get; init; } = [];
}
