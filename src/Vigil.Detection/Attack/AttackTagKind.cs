namespace Vigil.Detection.Attack;

/// <summary>What an <c>attack.*</c> Sigma tag refers to (Sigma tags appendix, namespace <c>attack</c>).</summary>
public enum AttackTagKind
{
    Technique,
    Tactic,
    Group,
    Software,
    DataSource,
    Mitigation,
    Asset,

    /// <summary>Neither an id shape nor a tactic name known to the catalogue.</summary>
    Unrecognised,
}
