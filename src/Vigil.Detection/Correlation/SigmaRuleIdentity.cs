namespace Vigil.Detection.Correlation;

/// <summary>The id and name of a loaded Sigma rule, which correlation <c>rules</c> entries may refer to.</summary>
public readonly record struct SigmaRuleIdentity(string? Id, string? Name);
