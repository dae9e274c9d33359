namespace Vigil.Pipeline.Evidence.Leadership;

/// <summary>
/// A detection (the case title, which is the alert's or Sigma rule's title) by how many of its cases closed as false or
/// benign positives; the tunings proposed and accepted for it; and how many of its benign cases were opened after the
/// first accepted tuning (zero when the tuning removed the noise).
/// </summary>
public sealed record NoisyRule(string Detection, int BenignCases, int TuningsProposed, int TuningsAccepted)
{
    /// <summary>Accepted tuning proposals, as "proposal id (rule id)".</summary>
    public IReadOnlyList<string> AcceptedTunings { get; init; } = [];

    /// <summary>Benign or false positive cases opened after the first accepted tuning was decided; null with no accepted tuning.</summary>
    public int? BenignCasesAfterTuning { get; init; }
}
