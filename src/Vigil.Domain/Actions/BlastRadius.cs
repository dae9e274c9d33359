namespace Vigil.Domain.Actions;

/// <summary>How much an action can disrupt if it is wrong. Friction follows it.</summary>
public enum BlastRadius
{
    /// <summary>Reads or records only: enrichment, summaries, evidence snapshots.</summary>
    None = 0,

    /// <summary>Creates work for people but changes nothing they use: tickets, notifications.</summary>
    Low = 1,

    /// <summary>Disrupts one user, host or indicator: isolate a laptop, disable an account, block a domain.</summary>
    Medium = 2,

    /// <summary>Disrupts a service, many users, or a server others depend on.</summary>
    High = 3,

    /// <summary>Changes production cloud infrastructure or identity at scale.</summary>
    Critical = 4,
}
