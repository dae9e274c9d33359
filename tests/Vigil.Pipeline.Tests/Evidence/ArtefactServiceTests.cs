using System.Security.Cryptography;
using System.Text;
using ICSharpCode.SharpZipLib.Zip;
using Microsoft.Extensions.Time.Testing;
using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Evidence;
using Vigil.Pipeline.Evidence.Artefacts;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Evidence;

/// <summary>Artefacts in a real SQLite store: content-addressed storage, size limit, custody on the ledger, packages, archives.</summary>
public sealed class ArtefactServiceTests : IAsyncLifetime
{
    private static readonly DateTimeOffset T0 = new(2026, 10, 5, 8, 0, 0, TimeSpan.Zero);
    private static readonly byte[] Sample = Encoding.UTF8.GetBytes("From: ceo@evil.example\r\nSubject: invoice\r\n\r\n<script>x</script>");
    private readonly TempDirectory _directory = new("vigil-artefacts");
    private readonly FakeTimeProvider _time = new(T0);
    private IVigilStore _store = null!;
    private string _caseId = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new StoreFactory().Open(new StoreLocation { DataDirectory = _directory.Path });
        await _store.MigrateAsync(Ct);
        var c = new Case
        {
            Id = Ids.New(Ids.Case), Title = "Phish", State = CaseState.Correlated, SeverityAtOpen = Severity.High, Severity = Severity.High,
            OpenedAt = T0, UpdatedAt = T0, SlaDueAt = T0.AddHours(4), AlertCount = 0,
        };
        await using var tx = await _store.BeginAsync(Ct);
        await tx.InsertCaseAsync(c, Ct);
        await tx.AppendLedgerAsync(c.Id, LedgerKinds.CaseOpened, Actor.Automation("correlator"), T0, "{}", Ct);
        await tx.CommitAsync(Ct);
        _caseId = c.Id;
    }

    public async ValueTask DisposeAsync()
    {
        await _store.DisposeAsync();
        _directory.Dispose();
    }

    private ArtefactUpload Upload(byte[] content, string name = "invoice.eml") =>
        new() { CaseId = _caseId, Name = name, Content = content, CollectedFrom = "mailbox:phish@corp.example", Description = "reported by the CFO" };

    [Fact]
    public async Task AddThenRead_RecordsCollectionAndEveryAccessOnTheCaseLedger()
    {
        var service = new ArtefactService(_store, _time);
        var added = (await service.AddAsync(Upload(Sample), Actor.Human("alice"), Ct)).Artefact!;
        _time.Advance(TimeSpan.FromMinutes(3));
        var read = await service.ReadAsync(added.Id, Actor.Human("bob"), "api:127.0.0.1", "download", Ct);

        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(Sample)), added.Sha256);
        Assert.Equal(Sample, read.Content);
        var custody = await service.CustodyAsync(added, Ct);
        Assert.Equal([(ArtefactKinds.Collected, "human:alice"), (ArtefactKinds.Accessed, "human:bob")], custody.Select(e => (e.Kind, e.Actor.ToString())));
        Assert.Contains("\"collected_from\":\"mailbox:phish@corp.example\"", custody[0].Payload, StringComparison.Ordinal);
        Assert.Contains("\"accessed_from\":\"api:127.0.0.1\"", custody[1].Payload, StringComparison.Ordinal);
        Assert.Equal(T0.AddMinutes(3), custody[1].At);
    }

    [Fact]
    public async Task Add_SameContentTwice_IsOneBlobAndTwoArtefacts_OversizedAndUnknownCaseRefused()
    {
        var service = new ArtefactService(_store, _time) { MaxBytes = 64 };
        var first = (await service.AddAsync(Upload(Sample), Actor.Human("alice"), Ct)).Artefact!;
        var second = (await service.AddAsync(Upload(Sample, "copy.eml"), Actor.Automation("action/act_1"), Ct)).Artefact!;

        Assert.Equal(first.Sha256, second.Sha256);
        Assert.NotEqual(first.Id, second.Id);
        var ledger = await _store.ReadLedgerAsync(_caseId, Ct);
        Assert.Contains("\"content_already_held\":true", ledger[^1].Payload, StringComparison.Ordinal);
        Assert.Contains("limit is 64", (await service.AddAsync(Upload(new byte[65]), Actor.Human("alice"), Ct)).Refusal, StringComparison.Ordinal);
        Assert.True((await service.AddAsync(Upload(Sample) with { CaseId = "cas_nope" }, Actor.Human("alice"), Ct)).NotFound);
        Assert.NotNull((await service.AddAsync(Upload(Sample) with { CollectedFrom = " " }, Actor.Human("alice"), Ct)).Refusal);
        Assert.Equal(2, (await _store.ListArtefactsAsync(_caseId, Ct)).Count);
    }

    [Fact]
    public async Task Package_ListsArtefactHashAndCustody_AndVerifies()
    {
        var service = new ArtefactService(_store, _time);
        var added = (await service.AddAsync(Upload(Sample), Actor.Human("alice"), Ct)).Artefact!;
        await service.ReadAsync(added.Id, Actor.Human("bob"), "cli:ws-1", "zip_aes256", Ct);
        var exporter = new EvidenceExporter(_store, new EvidenceKeyring(_store, _time), _time);

        var export = (await exporter.ExportAsync(_caseId, Actor.Human("carol"), Ct))!;

        var listed = Assert.Single(export.Package.Artefacts);
        Assert.Equal((added.Id, added.Sha256, 2L, 1), (listed.Id, listed.Sha256, listed.CollectedSeq, listed.Accesses));
        Assert.True(PackageVerifier.Verify(export.File).IsValid);
        Assert.DoesNotContain(Convert.ToBase64String(Sample), Encoding.UTF8.GetString(export.File), StringComparison.Ordinal);
    }

    [Fact]
    public void Zip_WithPassword_IsAes256AndOpensOnlyWithIt()
    {
        var archive = ArtefactArchive.Zip("../../etc/evil\u0007.exe", "ab", Sample, "correct horse", T0);

        using var zip = new ZipFile(new MemoryStream(archive)) { Password = "correct horse" };
        var entry = Assert.Single(zip.Cast<ZipEntry>());
        Assert.Equal("evil_.exe", entry.Name);
        Assert.True(entry.IsCrypted);
        Assert.Equal(256, entry.AESKeySize);
        using var content = new MemoryStream();
        zip.GetInputStream(entry).CopyTo(content);
        Assert.Equal(Sample, content.ToArray());

        using var wrong = new ZipFile(new MemoryStream(archive)) { Password = "wrong password" };
        Assert.ThrowsAny<Exception>(() => wrong.GetInputStream(wrong.Cast<ZipEntry>().Single()).CopyTo(Stream.Null));
    }
}
