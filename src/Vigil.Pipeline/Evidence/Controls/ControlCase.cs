namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>A case that evidences a control: which of its ledger entries (by seq) and of what kinds.</summary>
public sealed record ControlCase(string CaseId, string Title, IReadOnlyList<long> Entries, IReadOnlyList<string> Kinds);
