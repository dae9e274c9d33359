using MailKit;
using MailKit.Net.Imap;
using MailKit.Search;
using MailKit.Security;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ingest.Mail;

namespace Vigil.Listeners;

/// <summary>
/// Polls the phishing mailbox over IMAP. Each unseen message is stored as alerts (or a dead letter) first, and only
/// after that commit is it flagged \Seen and moved to the done folder: a crash in between redelivers the message,
/// and the phishing mapping's dedup (reported Message-ID + reporter) makes the redelivery the same alert.
/// </summary>
internal sealed partial class MailboxPoller(
    IOptions<MailboxOptions> options, MailReportIngestor ingestor, MailboxHealth health, TimeProvider time, ILogger<MailboxPoller> logger) : BackgroundService
{
    /// <summary>A keyword on messages that were dead-lettered, so that an analyst sees them in the done folder.</summary>
    public const string DeadLetteredKeyword = "$VigilDeadLettered";

    private static readonly Actor Channel = new(ActorKind.System, "mailbox");
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromMinutes(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            return;
        }

        var interval = TimeSpan.FromSeconds(settings.PollSeconds);
        var backoff = TimeSpan.FromSeconds(5);
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan delay;
            try
            {
                await PollOnceAsync(stoppingToken);
                backoff = TimeSpan.FromSeconds(5);
                delay = interval;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                // Connection, login and server errors alike: report, back off exponentially, try again.
                health.Failed(time.GetUtcNow(), ex.Message);
                MailboxPollerLog.Failed(logger, settings.Host!, backoff, ex);
                delay = backoff;
                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }

            try
            {
                await Task.Delay(delay, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One pass over the folder's unseen messages; returns how many were processed.</summary>
    public async Task<int> PollOnceAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new ImapClient();
        await client.ConnectAsync(settings.Host!, settings.Port, settings.UseTls ? SecureSocketOptions.SslOnConnect : SecureSocketOptions.StartTlsWhenAvailable, cancellationToken);
        await client.AuthenticateAsync(settings.Username ?? string.Empty, settings.Password ?? string.Empty, cancellationToken);
        var folder = await client.GetFolderAsync(settings.Folder, cancellationToken);
        var done = await DoneFolderAsync(client, settings.DoneFolder, cancellationToken);
        await folder.OpenAsync(FolderAccess.ReadWrite, cancellationToken);
        var unseen = await folder.SearchAsync(SearchQuery.NotSeen, cancellationToken);
        var deadLettered = 0;
        if (unseen.Count > 0)
        {
            var sizes = await folder.FetchAsync(unseen, MessageSummaryItems.UniqueId | MessageSummaryItems.Size, cancellationToken);
            foreach (var summary in sizes)
            {
                deadLettered += await ProcessAsync(folder, done, summary, settings, cancellationToken) ? 0 : 1;
            }
        }

        await client.DisconnectAsync(quit: true, cancellationToken);
        health.Polled(time.GetUtcNow(), unseen.Count, deadLettered);
        MailboxPollerLog.Polled(logger, settings.Host!, settings.Folder, unseen.Count, deadLettered);
        return unseen.Count;
    }

    /// <returns>False when the message was dead-lettered.</returns>
    private async Task<bool> ProcessAsync(IMailFolder folder, IMailFolder done, IMessageSummary summary, MailboxOptions settings, CancellationToken cancellationToken)
    {
        var origin = $"imap {settings.Host}/{settings.Folder} uid {summary.UniqueId.Id}";
        var limit = ingestor.Limits.MaxMessageBytes;
        byte[] raw;
        if (summary.Size is { } size && size > limit)
        {
            // Never download a message past the limit: keep its start as evidence of what it was.
            raw = await ReadAsync(folder, summary.UniqueId, (int)Math.Min(size, 64 * 1024), cancellationToken);
            await ingestor.DeadLetterAsync(raw, $"the message is {size} bytes, over the limit of {limit} bytes (MaxMessageBytes); first {raw.Length} bytes kept", origin, cancellationToken);
        }
        else
        {
            raw = await ReadAsync(folder, summary.UniqueId, null, cancellationToken);
            var result = await ingestor.IngestAsync(raw, "imap", origin, Channel, cancellationToken);
            if (result.DeadLettered == 0)
            {
                await AcknowledgeAsync(folder, done, summary.UniqueId, deadLettered: false, cancellationToken);
                return true;
            }
        }

        await AcknowledgeAsync(folder, done, summary.UniqueId, deadLettered: true, cancellationToken);
        return false;
    }

    private static async Task<byte[]> ReadAsync(IMailFolder folder, UniqueId uid, int? count, CancellationToken cancellationToken)
    {
        await using var stream = count is { } bytes
            ? await folder.GetStreamAsync(uid, 0, bytes, cancellationToken)
            : await folder.GetStreamAsync(uid, cancellationToken);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy, cancellationToken);
        return copy.ToArray();
    }

    /// <summary>Only after the store committed: \Seen (and the dead-letter keyword), then out of the polled folder.</summary>
    private static async Task AcknowledgeAsync(IMailFolder folder, IMailFolder done, UniqueId uid, bool deadLettered, CancellationToken cancellationToken)
    {
        var request = new StoreFlagsRequest(StoreAction.Add, MessageFlags.Seen) { Silent = true };
        if (deadLettered)
        {
            request.Keywords.Add(DeadLetteredKeyword);
        }

        await folder.StoreAsync(uid, request, cancellationToken);
        await folder.MoveToAsync(uid, done, cancellationToken);
    }

    private static async Task<IMailFolder> DoneFolderAsync(ImapClient client, string name, CancellationToken cancellationToken)
    {
        try
        {
            return await client.GetFolderAsync(name, cancellationToken);
        }
        catch (FolderNotFoundException)
        {
            var root = client.GetFolder(client.PersonalNamespaces[0]);
            return await root.CreateAsync(name, isMessageFolder: true, cancellationToken)
                ?? throw new InvalidOperationException($"the server did not create the folder '{name}'");
        }
    }
}
