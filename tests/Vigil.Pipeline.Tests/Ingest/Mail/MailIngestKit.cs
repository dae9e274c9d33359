using Microsoft.Extensions.Time.Testing;
using Vigil.Pipeline.Correlate;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ingest.Mail;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Pipeline.Tests.Ingest.Mail;

/// <summary>A <see cref="MailReportIngestor"/> with the shipped mappings over a real, migrated SQLite store in a temporary directory.</summary>
internal sealed class MailIngestKit : IAsyncDisposable
{
    private readonly TempDirectory _directory;

    private MailIngestKit(TempDirectory directory, IVigilStore store, FakeTimeProvider time, MailLimits limits)
    {
        _directory = directory;
        Store = store;
        var alerts = new AlertIngestor(store, new OneCasePerAlertAssigner(), time);
        var deadLetters = new DeadLetterService(store, time);
        Health = new SourceHealth(time);
        var events = new EventIngestor(MappingCatalog.Load(), alerts, deadLetters, Health);
        Ingestor = new MailReportIngestor(new MailReportParser(limits, time), events, deadLetters, Health);
    }

    public IVigilStore Store { get; }

    public SourceHealth Health { get; }

    public MailReportIngestor Ingestor { get; }

    public static async Task<MailIngestKit> StartAsync(MailLimits? limits = null)
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero));
        var directory = new TempDirectory("vigil-mail");
        var store = new StoreFactory(time).Open(new StoreLocation { DataDirectory = directory.Path });
        await store.MigrateAsync(TestContext.Current.CancellationToken);
        return new MailIngestKit(directory, store, time, limits ?? new MailLimits());
    }

    public async ValueTask DisposeAsync()
    {
        await Store.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _directory.Dispose();
    }
}
