namespace Vigil.Api.Contracts;

/// <summary>One indicator an entity hits, and why.</summary>
internal sealed record IndicatorMatchView(string IndicatorId, string Type, string Value, string Source, int Confidence, string Rule, string Reason, bool Stale, bool Partial);
