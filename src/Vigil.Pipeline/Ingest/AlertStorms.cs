using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using Vigil.Domain.Alerts;
using Vigil.Domain.Events;

namespace Vigil.Pipeline.Ingest;

/// <summary>
/// Applies each source's <see cref="SourcePolicy"/> to a normalised event's alert: its own fingerprint fields, and storm
/// roll-up. Within one clock minute, the first <see cref="SourcePolicy.StormThreshold"/> similar alerts are stored as
/// usual; every one after that becomes an occurrence of a single storm alert for that minute, whose payload is the
/// first event that crossed the threshold (the sample) and whose occurrence count is the counter. Nothing is dropped:
/// each event is counted, and a storm alert opens a case like any other.
/// </summary>
public sealed class AlertStorms(SourcePolicies policies, TimeProvider time)
{
    public const string StormTag = "vigil.storm";

    // Windows older than this are forgotten; pruned when the table grows, so memory follows the number of live keys.
    private const int PruneAbove = 10_000;

    private readonly ConcurrentDictionary<(string Source, string Key), Window> _windows = new();

    public AlertDraft Apply(NormalizedEvent normalized, AlertDraft draft)
    {
        var policy = policies.For(normalized.Source);
        if (policy is null)
        {
            return draft;
        }

        if (policy.Fingerprint is { Length: > 0 } fields)
        {
            draft = draft with { FingerprintOverride = AlertFingerprint.Compute(normalized.Source, fields.Select(f => Read(normalized.Ocsf, f) ?? string.Empty)) };
        }

        if (policy.StormThreshold <= 0)
        {
            return draft;
        }

        var key = policy.StormFields is { Length: > 0 } storm ? string.Join('\u001f', storm.Select(f => Read(normalized.Ocsf, f) ?? string.Empty)) : draft.Title;
        var minute = time.GetUtcNow().ToUnixTimeSeconds() / 60;
        var window = _windows.AddOrUpdate((normalized.Source, key), _ => new Window(minute, 1), (_, w) => w.Minute == minute ? w with { Count = w.Count + 1 } : new Window(minute, 1));
        Prune(minute);
        if (window.Count <= policy.StormThreshold)
        {
            return draft;
        }

        var started = DateTimeOffset.FromUnixTimeSeconds(minute * 60);
        return draft with
        {
            Title = Bounded($"Alert storm: {draft.Title} (over {policy.StormThreshold} similar alerts in the minute from {started:HH:mm} UTC)"),
            SourceRef = null,
            FingerprintOverride = AlertFingerprint.Compute(normalized.Source, ["storm", key, minute.ToString(CultureInfo.InvariantCulture)]),
            Tags = [.. draft.Tags, StormTag],
        };
    }

    private void Prune(long minute)
    {
        if (_windows.Count <= PruneAbove)
        {
            return;
        }

        foreach (var (key, window) in _windows)
        {
            if (window.Minute < minute - 1)
            {
                _windows.TryRemove(key, out _);
            }
        }
    }

    /// <summary>A dotted OCSF path's value as text (scalars as written, objects and arrays as JSON).</summary>
    private static string? Read(JsonObject ocsf, string path)
    {
        JsonNode? node = ocsf;
        foreach (var part in path.Split('.'))
        {
            node = node is JsonObject obj ? obj[part] : null;
            if (node is null)
            {
                return null;
            }
        }

        return node is JsonValue value && value.TryGetValue<string>(out var text) ? text : node.ToJsonString();
    }

    private static string Bounded(string title) => title.Length > 1_024 ? title[..1_024] : title;

    private sealed record Window(long Minute, int Count);
}
