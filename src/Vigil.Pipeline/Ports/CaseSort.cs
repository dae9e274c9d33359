namespace Vigil.Pipeline.Ports;

public enum CaseSort
{
    /// <summary>Newest first.</summary>
    OpenedDesc,
    OpenedAsc,
    /// <summary>Most severe first, then the SLA that runs out soonest.</summary>
    SeverityDesc,
    /// <summary>The SLA that runs out soonest first.</summary>
    SlaDueAsc,
    UpdatedDesc,
}
