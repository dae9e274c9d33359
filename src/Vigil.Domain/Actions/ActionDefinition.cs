namespace Vigil.Domain.Actions;

/// <summary>
/// One entry of the action catalogue: what an action is, what it may disrupt, who must agree, what evidence it
/// needs, and how it is undone. The AI and playbooks can only propose actions that are defined here.
/// </summary>
public sealed record ActionDefinition
{
    /// <summary>Dotted name, e.g. <c>host.isolate</c>.</summary>
    public required string Type { get; init; }

    public required string Title { get; init; }

    /// <summary>The connector that carries it out (e.g. <c>crowdstrike</c>, <c>okta</c>).</summary>
    public required string Connector { get; init; }

    public IReadOnlyList<string> RequiredInputs { get; init; } = [];

    public required BlastRadius BlastRadius { get; init; }

    public required AutomationLevel Level { get; init; }

    /// <summary>Kinds of evidence a case must hold before the action may be requested (e.g. <c>alert</c>, <c>edr_detection</c>).</summary>
    public IReadOnlyList<string> RequiredEvidence { get; init; } = [];

    /// <summary>The action that undoes this one, or null when it cannot be undone (see <see cref="Irreversible"/>).</summary>
    public string? Rollback { get; init; }

    /// <summary>Explicitly irreversible (revoke a token, rotate a secret): can never be automatic.</summary>
    public bool Irreversible { get; init; }

    /// <summary>Approvers must hold one of these roles; empty means any role with the approve permission.</summary>
    public IReadOnlyList<string> ApproverRoles { get; init; } = [];

    /// <summary>Approvers must re-authenticate (TOTP) at decision time.</summary>
    public bool RequiresStepUp { get; init; }

    /// <summary>How long a request waits for its approvals before it expires.</summary>
    public TimeSpan ApprovalWindow { get; init; } = TimeSpan.FromHours(4);

    public int RequiredApprovals => Level switch
    {
        AutomationLevel.Automatic => 0,
        AutomationLevel.HumanApproval => 1,
        AutomationLevel.TwoPersonApproval => 2,
        _ => throw new ArgumentOutOfRangeException(nameof(Level), Level, null),
    };
}
