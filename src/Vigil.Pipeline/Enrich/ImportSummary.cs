namespace Vigil.Pipeline.Enrich;

/// <summary>What an import stored: how many records were new and how many replaced a stored one.</summary>
public sealed record ImportSummary(string Kind, int Stored, int Created, int Updated);
