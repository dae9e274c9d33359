using System.Text.Json.Nodes;
using Vigil.Domain.Alerts;
using Vigil.Domain.Events;
using Vigil.Pipeline.Enrich.Geo;

namespace Vigil.Pipeline.Ingest;

public sealed partial class EventIngestor
{
    // The same bound the alert API puts on titles; a mapping's title template can concatenate long vendor fields.
    private const int MaxTitleLength = 1_024;

    /// <summary>The alert a normalised event becomes. The raw payload is the vendor's text, never the OCSF rendering.</summary>
    public static AlertDraft ToDraft(NormalizedEvent normalized)
    {
        var title = normalized.Title.Length > MaxTitleLength ? normalized.Title[..MaxTitleLength] : normalized.Title;
        var message = normalized.Ocsf["message"] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
        return new AlertDraft
        {
            Source = normalized.Source,
            SourceRef = normalized.SourceRef,
            Title = title,
            Description = string.IsNullOrWhiteSpace(message) || message == normalized.Title ? null : message,
            Severity = normalized.Severity,
            OccurredAt = normalized.Time,
            RawPayload = normalized.Raw,
            Entities = normalized.Entities,
            Tags = normalized.Class.ClassUid == AuthenticationEvents.OcsfClassUid
                ? [.. AttackTags(normalized.Ocsf), AuthenticationEvents.Tag]
                : AttackTags(normalized.Ocsf),
            // A mapping's dedup fields say what "the same alert again" means for its source; without them the
            // default identity (source + vendor reference, or the payload's hash) applies.
            FingerprintOverride = normalized.Fingerprint.Fields.Count > 0
                ? AlertFingerprint.Compute(normalized.Source, normalized.Fingerprint.Fields.Select(f => f.Value))
                : null,
        };
    }

    /// <summary>ATT&amp;CK technique ids from OCSF <c>finding_info.attacks[].technique.uid</c>, as Sigma-style <c>attack.t1059.001</c> tags.</summary>
    private static string[] AttackTags(JsonObject ocsf)
    {
        if (ocsf["finding_info"]?["attacks"] is not JsonArray attacks)
        {
            return [];
        }

        var tags = new List<string>(attacks.Count);
        foreach (var attack in attacks)
        {
            if (attack?["technique"]?["uid"] is JsonValue uid && uid.TryGetValue<string>(out var id) && !string.IsNullOrWhiteSpace(id))
            {
                var tag = string.Concat("attack.", id.Trim().ToLowerInvariant());
                if (!tags.Contains(tag))
                {
                    tags.Add(tag);
                }
            }
        }

        return [.. tags];
    }
}
