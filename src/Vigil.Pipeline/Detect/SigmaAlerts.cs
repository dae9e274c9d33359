using System.Globalization;
using Vigil.Detection.Engine;
using Vigil.Domain;
using Vigil.Domain.Alerts;
using Vigil.Domain.Entities;
using Vigil.Domain.Events;

namespace Vigil.Pipeline.Detect;

/// <summary>
/// Turns a Sigma match into an alert: the rule's title, level, ATT&amp;CK tags and attribution (author and licence
/// travel with it, as the Detection Rule License asks), the matched event verbatim, and the event's entities plus a
/// <c>rule</c> entity naming the rule, so that cases, the graph and similar-case search can see "the same rule again".
/// </summary>
public static class SigmaAlerts
{
    public const string Source = "sigma";

    private static readonly string[] TimeFields = ["TimeCreated", "@timestamp", "UtcTime", "timestamp", "EventTime", "time"];

    /// <param name="match">The rule and the event it matched.</param>
    /// <param name="raw">The event's text as read.</param>
    /// <param name="normalized">The event rendered by its source mapping, when one applied (entities, event time).</param>
    /// <param name="fallbackTime">When the event carries no readable time.</param>
    public static AlertDraft ToDraft(SigmaMatch match, string raw, NormalizedEvent? normalized, DateTimeOffset fallbackTime)
    {
        var entities = new List<Entity>(normalized?.Entities ?? []);
        EventEntities.AddTo(match.Event, entities);
        var ruleKey = match.RuleId ?? match.Title;
        if (Entity.TryCreate(EntityType.Rule, ruleKey, out var rule))
        {
            entities.Add(rule);
        }

        // The same rule on the same event is the same alert: re-running a hunt over a bundle deduplicates.
        var eventRef = normalized is { Fingerprint.Fields.Count: > 0 } n
            ? AlertFingerprint.Compute(n.Source, n.Fingerprint.Fields.Select(f => f.Value))
            : AlertFingerprint.PayloadRef(raw);
        return new AlertDraft
        {
            Source = Source,
            SourceRef = $"{ruleKey}/{eventRef}",
            Title = match.Title,
            Description = Attribution(match),
            Severity = SeverityNames.TryParse(match.Level, out var severity) ? severity : Severity.Unknown,
            OccurredAt = normalized?.Time ?? EventTime(match) ?? fallbackTime,
            RawPayload = raw,
            Entities = entities,
            Tags = match.Tags,
        };
    }

    private static string Attribution(SigmaMatch match)
    {
        var by = string.IsNullOrWhiteSpace(match.Author) ? "" : $" by {match.Author}";
        var licence = string.IsNullOrWhiteSpace(match.License) ? "" : $" ({match.License})";
        var description = string.IsNullOrWhiteSpace(match.Rule.Description) ? "" : $"{match.Rule.Description.Trim()}\n";
        return $"{description}Sigma rule {match.RuleId ?? match.Title}{by}{licence}, level {match.Level ?? "unset"}.";
    }

    private static DateTimeOffset? EventTime(SigmaMatch match)
    {
        foreach (var field in TimeFields)
        {
            if (match.Event.GetValue(field) is { } text
                && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
            {
                return at;
            }
        }

        return null;
    }
}
