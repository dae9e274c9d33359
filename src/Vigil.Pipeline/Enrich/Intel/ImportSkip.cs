namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>An input object that produced no indicator, and why (unsupported pattern, revoked, bad value...).</summary>
public sealed record ImportSkip(string Location, string Reason);
