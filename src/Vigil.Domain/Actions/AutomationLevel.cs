namespace Vigil.Domain.Actions;

/// <summary>Who must agree before an action runs.</summary>
public enum AutomationLevel
{
    /// <summary>Runs as soon as it is requested.</summary>
    Automatic,

    /// <summary>Needs one person (not the requester) to approve.</summary>
    HumanApproval,

    /// <summary>Needs two distinct people (neither the requester) to approve.</summary>
    TwoPersonApproval,
}
