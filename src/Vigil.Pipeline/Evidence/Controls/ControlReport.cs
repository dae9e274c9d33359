namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>Per framework and control, the cases whose ledger evidences it in [From, To) and the gaps found in them.</summary>
public sealed record ControlReport(DateTimeOffset From, DateTimeOffset To, DateTimeOffset GeneratedAt, int CasesInPeriod, IReadOnlyList<FrameworkResult> Frameworks, IReadOnlyList<Gap> Gaps);
