namespace Vigil.Web.Queue;

/// <summary>
/// What the queue shows beside a case's own fields: the recommendation's confidence, how fresh its evidence is, what
/// context is missing, and actions waiting for approval or failed. Empty until those stages have spoken.
/// </summary>
internal sealed record CaseSignals
{
    public static CaseSignals None { get; } = new();

    public double? Confidence { get; init; }

    public TimeSpan? EvidenceAge { get; init; }

    /// <summary>Enrichment answers past their validity: the evidence they gave may no longer hold.</summary>
    public int StaleEvidence { get; init; }

    public IReadOnlyList<string> MissingContext { get; init; } = [];

    public int AwaitingApproval { get; init; }

    public int FailedActions { get; init; }
}
