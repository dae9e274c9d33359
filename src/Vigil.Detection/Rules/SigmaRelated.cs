namespace Vigil.Detection.Rules;

/// <summary>One entry of <c>related</c>: another rule and how this one relates to it (derived, obsolete, merged, renamed, similar).</summary>
public sealed record SigmaRelated(string Type, string Id);
