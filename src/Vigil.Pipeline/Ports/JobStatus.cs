namespace Vigil.Pipeline.Ports;

public enum JobStatus
{
    /// <summary>Waiting for its run time (new, or scheduled for a retry).</summary>
    Pending,

    /// <summary>Claimed by a worker whose lease has not run out.</summary>
    Running,

    Succeeded,

    /// <summary>Failed on every attempt allowed; kept with its last error for a person to look at.</summary>
    Dead,
}
