namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>
/// One control in the period: <see cref="Status"/> is <c>evidenced</c> (evidence, no gaps), <c>gaps</c> (gaps found), or
/// <c>no_evidence</c> (nothing in the period evidences it).
/// </summary>
public sealed record ControlResult(string Id, string Title, string Status, IReadOnlyList<string> EvidenceKinds, IReadOnlyList<ControlCase> Cases, IReadOnlyList<Gap> Gaps);
