using MailKit;
using MailKit.Net.Imap;
using MailKit.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Vigil.Domain.DeadLetters;
using Vigil.Listeners;
using Vigil.Pipeline;
using Vigil.Pipeline.Ingest.Mail;
using Vigil.Pipeline.Ports;
using Vigil.Storage;
using Vigil.Testing;

namespace Vigil.Tests.Listeners;

/// <summary>
/// The poller against a real Dovecot (VIGIL_TEST_IMAP, started by ./test.sh through tests/scripts/dovecot.sh) and a
/// real SQLite store. Each test uses its own folders, so reruns against one server do not see each other's mail.
/// </summary>
public sealed class MailboxPollerTests
{
    private const string Variable = "VIGIL_TEST_IMAP";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PollOnceAsync_ReportedMessages_StoresOneAlertEachMovesThemAndDeadLettersTheMalformed()
    {
        var options = ServerOptions();
        using var directory = new TempDirectory("vigil-mailbox");
        await using var store = new StoreFactory().Open(new StoreLocation { DataDirectory = directory.Path });
        await store.MigrateAsync(Ct);
        await using var services = new ServiceCollection().AddSingleton(store).AddVigilPipeline().AddMailboxPoller().BuildServiceProvider();
        await AppendAsync(options, "forwarded-as-attachment.eml", "report-button.eml", "inline-forward.eml", "malformed.eml");
        var poller = new MailboxPoller(Options.Create(options), services.GetRequiredService<MailReportIngestor>(),
            services.GetRequiredService<MailboxHealth>(), TimeProvider.System, NullLogger<MailboxPoller>.Instance);

        var processed = await poller.PollOnceAsync(Ct);

        Assert.Equal(4, processed);
        var stats = await store.GetStatsAsync(Ct);
        Assert.Equal(3, stats.Alerts);
        var letter = Assert.Single(await store.ListDeadLettersAsync(new DeadLetterQuery { Status = DeadLetterStatus.Pending }, Ct));
        Assert.Equal(PhishingReport.Source, letter.Source);
        Assert.Contains("not a MIME message", letter.Reason, StringComparison.Ordinal);
        var (left, done) = await CountAsync(options);
        Assert.Equal(0, left);
        Assert.Equal(4, done.Count);
        Assert.Single(done, m => m.Keywords.Contains(MailboxPoller.DeadLetteredKeyword));
        Assert.All(done, m => Assert.True(m.Flags!.Value.HasFlag(MessageFlags.Seen)));
        Assert.Equal((4L, 1L), (services.GetRequiredService<MailboxHealth>().Snapshot().Messages, services.GetRequiredService<MailboxHealth>().Snapshot().DeadLettered));

        Assert.Equal(0, await poller.PollOnceAsync(Ct));
        Assert.Equal(3, (await store.GetStatsAsync(Ct)).Alerts);
    }

    [Fact]
    public async Task PollOnceAsync_RedeliveredReport_IsTheSameAlert()
    {
        var options = ServerOptions();
        using var directory = new TempDirectory("vigil-mailbox");
        await using var store = new StoreFactory().Open(new StoreLocation { DataDirectory = directory.Path });
        await store.MigrateAsync(Ct);
        await using var services = new ServiceCollection().AddSingleton(store).AddVigilPipeline().AddMailboxPoller().BuildServiceProvider();
        var poller = new MailboxPoller(Options.Create(options), services.GetRequiredService<MailReportIngestor>(),
            services.GetRequiredService<MailboxHealth>(), TimeProvider.System, NullLogger<MailboxPoller>.Instance);

        // A crash after the store commit but before the move leaves the message to be read again.
        await AppendAsync(options, "forwarded-as-attachment.eml");
        await poller.PollOnceAsync(Ct);
        await AppendAsync(options, "forwarded-as-attachment.eml");
        await poller.PollOnceAsync(Ct);

        Assert.Equal(1, (await store.GetStatsAsync(Ct)).Alerts);
        Assert.Equal(2, (await CountAsync(options)).Done.Count);
    }

    private static MailboxOptions ServerOptions()
    {
        var server = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrWhiteSpace(server))
        {
            if (Environment.GetEnvironmentVariable("VIGIL_SKIP_IMAP") == "1")
            {
                Assert.Skip("VIGIL_SKIP_IMAP=1: IMAP tests skipped on purpose.");
            }

            Assert.Fail($"{Variable} is not set. The mailbox tests need an IMAP server (./test.sh starts Dovecot); set VIGIL_SKIP_IMAP=1 to skip them explicitly.");
        }

        var separator = server.LastIndexOf(':');
        var run = "T" + Guid.NewGuid().ToString("N")[..10];
        return new MailboxOptions
        {
            Host = server[..separator],
            Port = int.Parse(server[(separator + 1)..], System.Globalization.CultureInfo.InvariantCulture),
            Username = Environment.GetEnvironmentVariable("VIGIL_TEST_IMAP_USER"),
            Password = Environment.GetEnvironmentVariable("VIGIL_TEST_IMAP_PASSWORD"),
            Folder = run,
            DoneFolder = run + "-done",
            UseTls = false,
        };
    }

    private static async Task<ImapClient> ConnectAsync(MailboxOptions options)
    {
        var client = new ImapClient();
        await client.ConnectAsync(options.Host!, options.Port, SecureSocketOptions.None, Ct);
        await client.AuthenticateAsync(options.Username!, options.Password!, Ct);
        return client;
    }

    private static async Task AppendAsync(MailboxOptions options, params string[] fixtures)
    {
        using var client = await ConnectAsync(options);
        var root = client.GetFolder(client.PersonalNamespaces[0]);
        try
        {
            await client.GetFolderAsync(options.Folder, Ct);
        }
        catch (FolderNotFoundException)
        {
            await root.CreateAsync(options.Folder, isMessageFolder: true, Ct);
        }

        await client.DisconnectAsync(true, Ct);
        foreach (var fixture in fixtures)
        {
            // APPEND the bytes exactly as they are: MailKit appends only MimeMessages, and that round trip would
            // repair (or refuse) the malformed fixture. Dovecot announces LITERAL+, so the literal needs no wait.
            var raw = await File.ReadAllBytesAsync(RepositoryPaths.Combine("tests", "fixtures", "mail", fixture), Ct);
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(options.Host!, options.Port, Ct);
            await using var stream = tcp.GetStream();
            using var reader = new StreamReader(stream, System.Text.Encoding.ASCII);
            await reader.ReadLineAsync(Ct);
            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"a1 LOGIN \"{options.Username}\" \"{options.Password}\"\r\n"), Ct);
            while (await reader.ReadLineAsync(Ct) is { } line && !line.StartsWith("a1 ", StringComparison.Ordinal))
            {
            }

            await stream.WriteAsync(System.Text.Encoding.ASCII.GetBytes($"a2 APPEND \"{options.Folder}\" {{{raw.Length}+}}\r\n"), Ct);
            await stream.WriteAsync(raw, Ct);
            await stream.WriteAsync("\r\na3 LOGOUT\r\n"u8.ToArray(), Ct);
            var transcript = await reader.ReadToEndAsync(Ct);
            Assert.Contains("a2 OK", transcript, StringComparison.Ordinal);
        }
    }

    private static async Task<(int Left, IList<IMessageSummary> Done)> CountAsync(MailboxOptions options)
    {
        using var client = await ConnectAsync(options);
        var folder = await client.GetFolderAsync(options.Folder, Ct);
        await folder.OpenAsync(FolderAccess.ReadOnly, Ct);
        var left = folder.Count;
        var done = await client.GetFolderAsync(options.DoneFolder, Ct);
        await done.OpenAsync(FolderAccess.ReadOnly, Ct);
        var summaries = done.Count == 0 ? [] : await done.FetchAsync(0, -1, MessageSummaryItems.Flags, Ct);
        await client.DisconnectAsync(true, Ct);
        return (left, summaries);
    }
}
