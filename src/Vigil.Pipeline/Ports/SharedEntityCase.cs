namespace Vigil.Pipeline.Ports;

/// <summary>A case that holds some of the entities asked about, and which ones.</summary>
public sealed record SharedEntityCase(string CaseId, IReadOnlyList<string> SharedKeys);
