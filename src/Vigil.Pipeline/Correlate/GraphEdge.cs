namespace Vigil.Pipeline.Correlate;

/// <summary>
/// A directed edge: <c>contains</c> (case → alert, with the grouping reason) or <c>observed</c> (alert → entity).
/// </summary>
public sealed record GraphEdge(string From, string To, string Kind)
{
    /// <summary>Why the edge exists, where there is a reason to give (the alert's grouping decision).</summary>
    public string? Reason { get; init; }
}
