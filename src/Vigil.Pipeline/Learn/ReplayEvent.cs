namespace Vigil.Pipeline.Learn;

/// <summary>An event to replay, named by where it came from (an alert id, or case/alert for stored true positives).</summary>
public sealed record ReplayEvent(string Ref, string Json);
