using System.Text.Json.Nodes;
using Vigil.Domain.Entities;

namespace Vigil.Domain.Events;

/// <summary>
/// One vendor event rendered as an OCSF 1.8.0 event. <see cref="Ocsf"/> is the full OCSF object
/// (including <c>unmapped</c>); the typed members repeat what the later stages (alerts, detection,
/// correlation) read most, so they need not dig through JSON.
/// </summary>
public sealed record NormalizedEvent
{
    /// <summary>The mapping that produced the event (e.g. <c>aws_guardduty</c>).</summary>
    public required string Source { get; init; }

    public required OcsfClassRef Class { get; init; }

    public required int ActivityId { get; init; }

    /// <summary>OCSF <c>type_uid</c>: class_uid * 100 + activity_id.</summary>
    public long TypeUid => (Class.ClassUid * 100L) + ActivityId;

    public required DateTimeOffset Time { get; init; }

    /// <summary>The OCSF <c>severity_id</c> as emitted (0–6 or 99).</summary>
    public required int SeverityId { get; init; }

    /// <summary><see cref="SeverityId"/> on Vigil's scale: OCSF "Fatal" (6) folds to critical, "Other" (99) to unknown.</summary>
    public Severity Severity => SeverityId switch
    {
        >= 0 and <= 5 => (Severity)SeverityId,
        6 => Severity.Critical,
        _ => Severity.Unknown,
    };

    public required string Title { get; init; }

    /// <summary>The vendor's own id for the event or alert, when it has one.</summary>
    public string? SourceRef { get; init; }

    /// <summary>The OCSF event. Mutable JSON: treat as read-only once the event leaves the normaliser.</summary>
    public required JsonObject Ocsf { get; init; }

    /// <summary>Source fields the mapping does not know, kept rather than dropped (also under <c>Ocsf["unmapped"]</c>).</summary>
    public JsonObject? Unmapped => Ocsf["unmapped"] as JsonObject;

    public required IReadOnlyList<Entity> Entities { get; init; }

    public required EventFingerprint Fingerprint { get; init; }

    /// <summary>The vendor payload exactly as received.</summary>
    public required string Raw { get; init; }
}
