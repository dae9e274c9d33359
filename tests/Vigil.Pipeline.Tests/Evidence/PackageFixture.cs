using System.Security.Cryptography;
using Vigil.Domain.Evidence;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;

namespace Vigil.Pipeline.Tests.Evidence;

/// <summary>A small but complete package, built without a store: a chain of real ledger entries and a fresh key.</summary>
internal static class PackageFixture
{
    public static readonly DateTimeOffset T0 = new(2026, 11, 2, 9, 30, 0, TimeSpan.Zero);

    public static SigningKey NewKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo());
        return new SigningKey
        {
            Id = SignedPackage.KeyId(publicKey),
            Purpose = EvidenceKeyring.PackagePurpose,
            Algorithm = SignedPackage.Algorithm,
            PublicKey = publicKey,
            PrivateKey = Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey()),
            CreatedAt = T0,
        };
    }

    public static IReadOnlyList<LedgerEntry> Chain(string caseId)
    {
        var entries = new List<LedgerEntry>();
        LedgerHead? head = null;
        foreach (var (kind, actor, payload) in new[]
        {
            (LedgerKinds.CaseOpened, Actor.Automation("correlator"), """{"alert_id":"alr_1","title":"\u003Cimg src=x onerror=alert(1)\u003E"}"""),
            ("enrich.completed", Actor.Automation("enricher"), """{"entity":"host:dc-01","source":"cmdb","owner":"it-ops"}"""),
            ("action.approved", Actor.Human("bob"), """{"action":"host.isolate","target":"dc-01","rationale":"lsass dump"}"""),
            ("action.executed", Actor.Automation("executor"), """{"action":"host.isolate","target":"dc-01","status":"succeeded"}"""),
            (LedgerKinds.Closed, Actor.Human("alice"), """{"from":"executed","classification":"true_positive","note":"contained","root_cause":"phished admin"}"""),
        })
        {
            var entry = LedgerHasher.Next(head, caseId, kind, actor, T0.AddMinutes(entries.Count * 7), payload);
            entries.Add(entry);
            head = new LedgerHead(caseId, entry.Seq, entry.Hash);
        }

        return entries;
    }

    public static EvidencePackage Package(string caseId = "cas_fixture") => Package(caseId, Chain(caseId));

    public static EvidencePackage Package(string caseId, IReadOnlyList<LedgerEntry> chain) => new()
    {
        Format = EvidencePackage.CurrentFormat,
        PackageId = "evp_fixture",
        GeneratedAt = T0.AddHours(1),
        GeneratedBy = "human:auditor",
        Case = new PackageCase
        {
            Id = caseId, Title = "LSASS dump on DC-01", State = "closed", Severity = "critical", SeverityAtOpen = "high", Owner = "alice",
            OpenedAt = T0, UpdatedAt = T0.AddMinutes(28), SlaDueAt = T0.AddHours(1), ClosedAt = T0.AddMinutes(28), AlertCount = 1, Version = 5,
        },
        Alerts =
        [
            new PackageAlert
            {
                Id = "alr_1", Source = "edr", SourceRef = "d-1", Title = "<img src=x onerror=alert(1)>", Severity = "critical", OccurredAt = T0,
                ReceivedAt = T0, FirstSeen = T0, LastSeen = T0, OccurrenceCount = 1, Fingerprint = "f", Tags = ["attack.t1003"],
                Entities = [new PackageEntity("host", "dc-01")], RawPayload = """{"cmd":"procdump -ma lsass.exe","note":"</pre><script>x()</script>"}""",
            },
        ],
        Entities = [new PackageEntity("host", "dc-01")],
        Notes = [new PackageNote("not_1", "human:alice", T0.AddMinutes(3), "isolating")],
        EnrichmentRecord = [],
        ActionLedger = [],
        DecisionRecord = [],
        ClosureRecord = new PackageClosure { Closed = true, Classification = "true_positive", Note = "contained", RootCause = "phished admin", ClosedAt = T0.AddMinutes(28), ClosedBy = "human:alice", Entries = [] },
        Timeline = [new PackageTimelineItem("2026-11-02T09:30:00.000000Z", "alert", "alert.occurred", "edr", "LSASS", "alr_1")],
        Learning = new PackageLearning([], []),
        Ledger = new PackageLedger(caseId, chain[^1].Seq, chain[^1].Hash, chain.Select(e => new PackageLedgerEntry(e.Seq, e.Kind, e.Actor.ToString(), LedgerHasher.FormatTime(e.At), e.Payload, e.PrevHash, e.Hash)).ToArray()),
    };
}
