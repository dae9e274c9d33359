namespace Vigil.Pipeline.Enrich.Context;

/// <summary>Where an identity is in the joiner-mover-leaver cycle; leavers and movers deserve a second look.</summary>
public enum LifecycleState
{
    Joiner,
    Active,
    Mover,
    Leaver,
}
