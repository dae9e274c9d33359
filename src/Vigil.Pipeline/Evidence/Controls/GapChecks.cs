using System.Text.Json;
using Vigil.Domain.Actions;
using Vigil.Domain.Cases;
using Vigil.Domain.Ledger;

namespace Vigil.Pipeline.Evidence.Controls;

/// <summary>
/// The gap checks framework mappings name (content/frameworks/README.md). Each reads one case and its whole chain; a
/// gap belongs to the period its triggering entry (or, for the case record, its closing or due time) falls in.
/// </summary>
public static class GapChecks
{
    public const string ContainmentWithoutApproval = "containment_without_approval";
    public const string ClosedWithoutRootCause = "closed_without_root_cause";
    public const string SlaBreached = "sla_breached";
    public const string NoHumanReview = "no_human_review";
    public const string NoLessonsLearned = "no_lessons_learned";
    public const string TruePositiveNotReported = "true_positive_not_reported";

    public static IReadOnlySet<string> Names { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        ContainmentWithoutApproval, ClosedWithoutRootCause, SlaBreached, NoHumanReview, NoLessonsLearned, TruePositiveNotReported,
    };

    public static IEnumerable<Gap> Evaluate(Case c, IReadOnlyList<LedgerEntry> chain, ActionCatalogue catalogue, DateTimeOffset now)
    {
        var approved = false;
        foreach (var entry in chain)
        {
            if (entry.Kind.Contains("approv", StringComparison.Ordinal) && !entry.Kind.Contains("unapprov", StringComparison.Ordinal))
            {
                approved = true;
            }

            if (IsExecution(entry.Kind) && ActionType(entry.Payload) is { } type && IsContainment(type, catalogue) && !approved)
            {
                yield return new Gap(ContainmentWithoutApproval, c.Id, entry.Seq, entry.At, $"{type} ran ({entry.Kind}, entry {entry.Seq}) with no approval recorded before it");
            }
        }

        var closedAt = c.ClosedAt ?? now;
        if (closedAt > c.SlaDueAt)
        {
            var late = closedAt - c.SlaDueAt;
            yield return new Gap(SlaBreached, c.Id, 0, c.SlaDueAt, c.IsClosed
                ? $"closed {Hours(late)} after its SLA was due"
                : $"open {Hours(late)} past its SLA");
        }

        if (!c.IsClosed || c.ClosedAt is not { } closed)
        {
            yield break;
        }

        var closing = chain.LastOrDefault(e => e.Kind == LedgerKinds.Closed);
        var seq = closing?.Seq ?? 0;
        if (c.Classification == Classification.TruePositive && string.IsNullOrWhiteSpace(c.RootCause))
        {
            yield return new Gap(ClosedWithoutRootCause, c.Id, seq, closed, "closed as a true positive with no root cause recorded");
        }

        if (!chain.Any(e => e.Actor.IsHuman))
        {
            yield return new Gap(NoHumanReview, c.Id, seq, closed, "closed without any entry by a person");
        }

        if (c.Classification is Classification.TruePositive or Classification.FalsePositive or Classification.BenignPositive
            && !chain.Any(e => e.Kind.StartsWith("learn.", StringComparison.Ordinal)))
        {
            yield return new Gap(NoLessonsLearned, c.Id, seq, closed, $"closed as {c.Classification.Value.ToWire()} with no learning recorded");
        }

        if (c.Classification == Classification.TruePositive
            && !chain.Any(e => e.Kind == EvidenceKinds.PackageExported || (e.Kind.StartsWith("action", StringComparison.Ordinal) && ActionType(e.Payload) is "notify.send" or "ticket.create")))
        {
            yield return new Gap(TruePositiveNotReported, c.Id, seq, closed, "a true positive closed with no evidence package exported and no notification or ticket");
        }
    }

    /// <summary>Entries that record an action having run (not requested or approved).</summary>
    private static bool IsExecution(string kind) =>
        kind.StartsWith("action", StringComparison.Ordinal)
        && (kind.Contains("execut", StringComparison.Ordinal) || kind.Contains("succeeded", StringComparison.Ordinal)
            || kind.Contains("completed", StringComparison.Ordinal) || kind.EndsWith(".ran", StringComparison.Ordinal));

    private static bool IsContainment(string type, ActionCatalogue catalogue) =>
        catalogue.TryGet(type, out var definition)
            ? definition.BlastRadius >= BlastRadius.Medium || definition.Level != AutomationLevel.Automatic
            : true; // An action the catalogue does not know is treated as disruptive: unknown is not safe.

    /// <summary>The action type a payload names (type, action_type or action), if any.</summary>
    public static string? ActionType(string payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            foreach (var name in (string[])["action_type", "type", "action"])
            {
                if (document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String)
                {
                    return value.GetString();
                }
            }
        }
        catch (JsonException)
        {
            // A disposed payload names no action.
        }

        return null;
    }

    private static string Hours(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalHours:0.#} h")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Math.Max(1, (int)span.TotalMinutes)} min");
}
