using System.Text.Json;
using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Domain.Learn;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence;

/// <summary>
/// Builds a case's evidence package from the store, signs it, and records the export (package id, digest, key) on the
/// case's chain, so the ledger names every package that was ever handed out.
/// </summary>
public sealed class EvidenceExporter(IVigilStore store, EvidenceKeyring keyring, TimeProvider time)
{
    public async Task<EvidenceExport?> ExportAsync(string caseId, Actor actor, CancellationToken cancellationToken)
    {
        var package = await BuildAsync(caseId, actor, cancellationToken);
        if (package is null)
        {
            return null;
        }

        var key = await keyring.GetOrCreateAsync(cancellationToken);
        var file = SignedPackage.Sign(SignedPackage.Serialize(package), key);
        var digest = SignedPackage.Digest(file);
        await using var transaction = await store.BeginAsync(cancellationToken);
        var payload = LedgerPayload.From(new { package_id = package.PackageId, format = package.Format, sha256 = digest, key_id = key.Id, ledger_head_seq = package.Ledger.HeadSeq });
        await transaction.AppendLedgerAsync(caseId, EvidenceKinds.PackageExported, actor, time.GetUtcNow(), payload, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EvidenceExport(package, file, digest, key.Id);
    }

    public async Task<EvidencePackage?> BuildAsync(string caseId, Actor actor, CancellationToken cancellationToken)
    {
        var found = await store.GetCaseAsync(caseId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var alerts = await store.GetCaseAlertsAsync(caseId, cancellationToken);
        var entities = await store.GetCaseEntitiesAsync(caseId, cancellationToken);
        var notes = await store.GetNotesAsync(caseId, cancellationToken);
        var entries = await store.ReadLedgerAsync(caseId, cancellationToken);
        var head = await store.GetLedgerHeadAsync(caseId, cancellationToken);
        var proposals = await store.ListTuningProposalsAsync(caseId, cancellationToken);
        var tasks = await store.ListLearningTasksAsync(caseId, openOnly: false, cancellationToken);
        var artefacts = await store.ListArtefactsAsync(caseId, cancellationToken);
        var views = entries.Select(View).ToArray();
        var closedBy = entries.LastOrDefault(e => e.Kind == LedgerKinds.Closed)?.Actor.ToString();
        return new EvidencePackage
        {
            Format = EvidencePackage.CurrentFormat,
            PackageId = Ids.New("evp", now),
            GeneratedAt = LedgerHasher.Truncate(now),
            GeneratedBy = actor.ToString(),
            Case = CaseRecord(found),
            Alerts = alerts.Select(AlertRecord).ToArray(),
            Entities = entities.Select(EntityRecord).ToArray(),
            Notes = notes.Select(n => new PackageNote(n.Id, n.Author, n.At, n.Text)).ToArray(),
            EnrichmentRecord = views.Where(v => EvidenceSections.IsEnrichment(v.Kind)).ToArray(),
            ActionLedger = views.Where(v => EvidenceSections.IsAction(v.Kind)).ToArray(),
            DecisionRecord = views.Where(v => EvidenceSections.IsDecision(v.Kind)).ToArray(),
            ClosureRecord = new PackageClosure
            {
                Closed = found.IsClosed,
                Classification = found.Classification?.ToWire(),
                Note = found.ClosureNote,
                RootCause = found.RootCause,
                ClosedAt = found.ClosedAt,
                ClosedBy = found.IsClosed ? closedBy : null,
                Entries = views.Where(v => EvidenceSections.IsClosure(v.Kind)).ToArray(),
            },
            Timeline = Timeline(alerts, entries),
            Learning = new PackageLearning(
                proposals.Select(p => JsonDocument.Parse(p.Document).RootElement.Clone()).ToArray(),
                tasks.Select(t => new PackageLearningTask(t.Id, t.Kind.ToWire(), t.Title, t.Owner, t.DueAt, t.Status.ToWire(), t.DoneAt, t.RefId)).ToArray()),
            Ledger = new PackageLedger(
                caseId,
                head?.Seq ?? 0,
                head?.Hash ?? LedgerHasher.Genesis,
                entries.Select(e => new PackageLedgerEntry(e.Seq, e.Kind, e.Actor.ToString(), LedgerHasher.FormatTime(e.At), e.Payload, e.PrevHash, e.Hash)).ToArray()),
            Artefacts = artefacts.Select(a => ArtefactRecord(a, entries)).ToArray(),
        };
    }

    private static PackageArtefact ArtefactRecord(Domain.Evidence.Artefact a, IReadOnlyList<LedgerEntry> entries)
    {
        var needle = $"\"artefact_id\":\"{a.Id}\"";
        var mine = entries.Where(e => e.Payload.Contains(needle, StringComparison.Ordinal)).ToArray();
        return new PackageArtefact(
            a.Id, a.Sha256, a.Size, a.Name, a.Description, a.CollectedBy, a.CollectedAt, a.CollectedFrom, a.DisposedAt,
            mine.FirstOrDefault(e => e.Kind == ArtefactKinds.Collected)?.Seq, mine.Count(e => e.Kind == ArtefactKinds.Accessed));
    }

    private static PackageLedgerView View(LedgerEntry entry)
    {
        JsonElement payload;
        try
        {
            payload = JsonDocument.Parse(entry.Payload).RootElement.Clone();
        }
        catch (JsonException)
        {
            payload = JsonSerializer.SerializeToElement(entry.Payload);
        }

        return new PackageLedgerView(entry.Seq, entry.Kind, entry.Actor.ToString(), LedgerHasher.FormatTime(entry.At), payload);
    }

    private static IReadOnlyList<PackageTimelineItem> Timeline(IReadOnlyList<Domain.Alerts.Alert> alerts, IReadOnlyList<LedgerEntry> entries)
    {
        var items = new List<(DateTimeOffset At, int Order, PackageTimelineItem Item)>();
        foreach (var alert in alerts)
        {
            items.Add((alert.OccurredAt, 0, new PackageTimelineItem(LedgerHasher.FormatTime(alert.OccurredAt), "alert", "alert.occurred", alert.Source, alert.Title, alert.Id)));
            if (alert.OccurrenceCount > 1)
            {
                items.Add((alert.LastSeen, 0, new PackageTimelineItem(LedgerHasher.FormatTime(alert.LastSeen), "alert", "alert.repeated", alert.Source, $"{alert.Title} (seen {alert.OccurrenceCount} times)", alert.Id)));
            }
        }

        foreach (var entry in entries)
        {
            items.Add((entry.At, 1, new PackageTimelineItem(LedgerHasher.FormatTime(entry.At), "ledger", entry.Kind, entry.Actor.ToString(), LedgerSummary.Of(entry.Kind, entry.Payload), entry.Seq.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        }

        return items.OrderBy(i => i.At).ThenBy(i => i.Order).Select(i => i.Item).ToArray();
    }

    private static PackageCase CaseRecord(Case c) => new()
    {
        Id = c.Id,
        Title = c.Title,
        State = c.State.ToWire(),
        Severity = c.Severity.ToWire(),
        SeverityAtOpen = c.SeverityAtOpen.ToWire(),
        Owner = c.Owner,
        OpenedAt = c.OpenedAt,
        UpdatedAt = c.UpdatedAt,
        SlaDueAt = c.SlaDueAt,
        ClosedAt = c.ClosedAt,
        MergedInto = c.MergedInto,
        AlertCount = c.AlertCount,
        Version = c.Version,
    };

    private static PackageAlert AlertRecord(Domain.Alerts.Alert a) => new()
    {
        Id = a.Id,
        Source = a.Source,
        SourceRef = a.SourceRef,
        Title = a.Title,
        Description = a.Description,
        Severity = a.Severity.ToWire(),
        OccurredAt = a.OccurredAt,
        ReceivedAt = a.ReceivedAt,
        FirstSeen = a.FirstSeen,
        LastSeen = a.LastSeen,
        OccurrenceCount = a.OccurrenceCount,
        Fingerprint = a.Fingerprint,
        Tags = a.Tags,
        Entities = a.Entities.Select(EntityRecord).ToArray(),
        RawPayload = a.RawPayload,
    };

    private static PackageEntity EntityRecord(Entity e) => new(e.Type.ToWire(), e.Value);
}
