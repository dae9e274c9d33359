namespace Vigil.Domain.Evidence;

/// <summary>The kinds of data a retention policy disposes of (the keys of content/policy/retention.yaml).</summary>
public static class RetentionDataKinds
{
    /// <summary>An alert's raw vendor payload (the alert's normalised fields and fingerprint stay).</summary>
    public const string AlertPayload = "alert_payload";

    /// <summary>An evidence artefact's content (its metadata and hash stay).</summary>
    public const string Artefact = "artefact";

    public static IReadOnlyList<string> All { get; } = [AlertPayload, Artefact];
}
