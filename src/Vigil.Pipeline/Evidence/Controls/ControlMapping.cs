namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>A control: the ledger entries that evidence it (any one is enough) and the gap checks that count against it.</summary>
public sealed record ControlMapping(string Id, string Title, IReadOnlyList<EvidenceMatcher> Evidence, IReadOnlyList<string> Gaps);
