namespace Vigil.Pipeline.Recommend;

/// <summary>What the analyst expects the case to be closed as.</summary>
public enum Disposition
{
    TruePositive,

    /// <summary>Real activity, but sanctioned or harmless (an admin's change, a known trip).</summary>
    BenignPositive,

    /// <summary>The detector was wrong.</summary>
    FalsePositive,
}
