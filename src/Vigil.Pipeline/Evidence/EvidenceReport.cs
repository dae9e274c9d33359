using System.Globalization;
using System.Text.Json;

namespace Vigil.Pipeline.Evidence;

/// <summary>The printable HTML reading of an evidence package; it names the signed file it was made from by digest.</summary>
public static class EvidenceReport
{
    public static string Html(EvidencePackage package, string digest, string keyId)
    {
        var c = package.Case;
        var html = new ReportHtml($"Evidence package — {c.Title}")
            .Paragraph($"Case {c.Id} · package {package.PackageId} · generated {Time(package.GeneratedAt)} by {package.GeneratedBy}", "meta")
            .Paragraph($"Signed package SHA-256 {digest}, key {keyId}. Verify the JSON package offline: vigil ledger verify --package FILE", "meta")
            .Heading("Case")
            .Facts([
                ("State", c.State), ("Severity", $"{c.Severity} (at open: {c.SeverityAtOpen})"), ("Owner", c.Owner),
                ("Opened", Time(c.OpenedAt)), ("SLA due", Time(c.SlaDueAt)), ("Closed", c.ClosedAt is { } closed ? Time(closed) : null),
                ("Alerts", c.AlertCount.ToString(CultureInfo.InvariantCulture)), ("Merged into", c.MergedInto),
            ])
            .Heading("Closure record")
            .Facts([
                ("Closed", package.ClosureRecord.Closed ? "yes" : "no"), ("Classification", package.ClosureRecord.Classification),
                ("Root cause", package.ClosureRecord.RootCause), ("Note", package.ClosureRecord.Note), ("Closed by", package.ClosureRecord.ClosedBy),
            ])
            .Heading("Alerts")
            .Table(
                ["id", "source", "title", "severity", "occurred", "seen", "entities"],
                package.Alerts.Select(a => (IReadOnlyList<string?>)[a.Id, a.Source, a.Title, a.Severity, Time(a.OccurredAt), a.OccurrenceCount.ToString(CultureInfo.InvariantCulture), string.Join(", ", a.Entities.Select(e => $"{e.Type}:{e.Value}"))]))
            .Heading("Entities")
            .Table(["type", "value"], package.Entities.Select(e => (IReadOnlyList<string?>)[e.Type, e.Value]));
        Section(html, "Enrichment record", package.EnrichmentRecord);
        Section(html, "Action ledger", package.ActionLedger);
        Section(html, "Decision record", package.DecisionRecord);
        html.Heading("Notes")
            .Table(["at", "author", "text"], package.Notes.Select(n => (IReadOnlyList<string?>)[Time(n.At), n.Author, n.Text]))
            .Heading("Artefacts (hash and custody; content is never part of a report)")
            .Table(
                ["id", "name", "sha256", "bytes", "collected by", "collected", "from", "accesses", "disposed"],
                package.Artefacts.Select(a => (IReadOnlyList<string?>)[a.Id, a.Name, a.Sha256, a.Size.ToString(CultureInfo.InvariantCulture), a.CollectedBy, Time(a.CollectedAt), a.CollectedFrom, a.Accesses.ToString(CultureInfo.InvariantCulture), a.DisposedAt is { } d ? Time(d) : null]))
            .Heading("Timeline")
            .Table(["at", "source", "kind", "actor", "what", "ref"], package.Timeline.Select(t => (IReadOnlyList<string?>)[t.At, t.Source, t.Kind, t.Actor, t.Summary, t.Ref]))
            .Heading("Learning")
            .Table(["task", "kind", "owner", "due", "status"], package.Learning.Tasks.Select(t => (IReadOnlyList<string?>)[t.Title, t.Kind, t.Owner, Time(t.DueAt), t.Status]))
            .Heading($"Ledger slice (chain {package.Ledger.ChainId}, head {package.Ledger.HeadSeq})")
            .Table(
                ["seq", "at", "kind", "actor", "hash", "previous"],
                package.Ledger.Entries.Select(e => (IReadOnlyList<string?>)[e.Seq.ToString(CultureInfo.InvariantCulture), e.At, e.Kind, e.Actor, e.Hash, e.PrevHash]))
            .Heading("Raw alert payloads (verbatim, attacker-controlled)");
        foreach (var alert in package.Alerts)
        {
            html.Paragraph(alert.Id, "meta").Preformatted(alert.RawPayload);
        }

        return html.ToString();
    }

    private static void Section(ReportHtml html, string title, IReadOnlyList<PackageLedgerView> entries) =>
        html.Heading(title).Table(
            ["seq", "at", "kind", "actor", "detail"],
            entries.Select(e => (IReadOnlyList<string?>)[e.Seq.ToString(CultureInfo.InvariantCulture), e.At, e.Kind, e.Actor, JsonSerializer.Serialize(e.Payload)]));

    private static string Time(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
