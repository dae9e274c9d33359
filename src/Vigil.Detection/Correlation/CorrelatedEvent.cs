namespace Vigil.Detection.Correlation;

/// <summary>One event that contributed to a correlation match, with the Sigma rule (id, else name) that matched it.</summary>
public sealed record CorrelatedEvent(EventRef Event, string Rule, DateTimeOffset Timestamp);
