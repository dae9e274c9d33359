using System.Text;
using Microsoft.Extensions.Time.Testing;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ingest.Mail;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Ingest;

/// <summary>An <see cref="EventIngestor"/> over a real, migrated SQLite store in a temporary directory.</summary>
internal sealed class EventIngestorKit : IAsyncDisposable
{
    // A small mapping of a made-up EDR, so these tests do not depend on the shipped mappings' content.
    public const string TestEdrYaml = """
        source: test_edr
        description: Test EDR detections
        vendor: Test
        product: EDR
        match:
          - { path: detection_id, exists: true }
        class: 2004
        activity: 1
        time: { paths: [ts] }
        severity: { path: sev, map: { low: 2, medium: 3, high: 4 }, default: 0 }
        title: "{name}"
        source_ref: detection_id
        dedup: [rule, host]
        fields:
          message: desc
          finding_info.uid: detection_id
          finding_info.title: name
          finding_info.attacks[].technique.uid: "techniques[]"
          device.hostname: host
        ignore: [rule]
        entities:
          - { type: host, path: host }
          - { type: rule, path: rule }
        """;

    private readonly TempDirectory _directory;
    private readonly FakeTimeProvider _time;

    private EventIngestorKit(TempDirectory directory, IVigilStore store, FakeTimeProvider time)
    {
        _directory = directory;
        Store = store;
        _time = time;
        Alerts = new AlertIngestor(store, new OneCasePerAlertAssigner(), time);
        Health = new SourceHealth(time);
        DeadLetters = new DeadLetterService(store, time);
        var catalog = MappingCatalog.From([MappingCatalog.Compile("test_edr.yaml", TestEdrYaml)]);
        Ingestor = new EventIngestor(catalog, Alerts, DeadLetters, Health);
    }

    public DeadLetterService DeadLetters { get; }

    public AlertIngestor Alerts { get; }

    public IVigilStore Store { get; }

    public SourceHealth Health { get; }

    public EventIngestor Ingestor { get; }

    public static async Task<EventIngestorKit> StartAsync()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var directory = new TempDirectory("vigil-ingest");
        var store = new StoreFactory(time).Open(new StoreLocation { DataDirectory = directory.Path });
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        return new EventIngestorKit(directory, store, time);
    }

    public static string Event(string id, string rule = "R-1", string host = "web-01", string extra = "") =>
        $$"""{"detection_id": "{{id}}", "ts": "2026-11-23T10:00:00Z", "sev": "high", "name": "Suspicious {{rule}}", "desc": "seen on {{host}}", "rule": "{{rule}}", "host": "{{host}}", "techniques": ["T1059.001"]{{extra}}}""";

    /// <summary>What a server restarted with <paramref name="catalog"/> (a fixed mapping, say) would replay dead letters with.</summary>
    public DeadLetterReplayer Replayer(MappingCatalog catalog)
    {
        var events = new EventIngestor(catalog, Alerts, DeadLetters, Health);
        var mail = new MailReportIngestor(new MailReportParser(_time), events, DeadLetters, Health);
        return new DeadLetterReplayer(Store, new AlertSubmissionParser(_time), Alerts, events, mail, _time);
    }

    /// <summary>Reads JSON lines exactly as a channel would hand them over.</summary>
    public static async Task<IReadOnlyList<RawJsonEvent>> ReadAsync(string text)
    {
        var events = new List<RawJsonEvent>();
        await using var stream = new MemoryStream(Encoding.UTF8.GetBytes(text));
        await foreach (var item in JsonEventReader.ReadAsync(stream, TestContext.Current.CancellationToken))
        {
            events.Add(item);
        }

        return events;
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
