namespace Vigil.Detection.Attack;

/// <summary>An ATT&amp;CK Enterprise technique or sub-technique; revoked and deprecated ones are kept and flagged.</summary>
public sealed record AttackTechnique
{
    /// <summary>The technique id, e.g. <c>T1003</c> or <c>T1003.001</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The parent technique id for a sub-technique, otherwise null.</summary>
    public string? ParentId { get; init; }

    /// <summary>The tactics this technique serves, in kill-chain order.</summary>
    public required IReadOnlyList<AttackTactic> Tactics { get; init; }

    public required IReadOnlyList<string> Platforms { get; init; }

    public required bool Revoked { get; init; }

    public required bool Deprecated { get; init; }

    public required Uri Url { get; init; }

    public bool IsSubtechnique => ParentId is not null;

    /// <summary>True unless MITRE revoked or deprecated the technique.</summary>
    public bool IsActive => !Revoked && !Deprecated;

    /// <summary>The earliest kill-chain position among the tactics, or <see cref="int.MaxValue"/> when there is none.</summary>
    public int KillChainOrder => Tactics.Count == 0 ? int.MaxValue : Tactics[0].KillChainOrder;
}
