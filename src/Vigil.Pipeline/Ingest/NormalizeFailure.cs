using Vigil.Pipeline.Normalize;

namespace Vigil.Pipeline.Ingest;

/// <summary>One event that could not become an alert: the event as read, the source that tried, and the reason.</summary>
public sealed record NormalizeFailure(RawJsonEvent Event, string Source, string Reason);
