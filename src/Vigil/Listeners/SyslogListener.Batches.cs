using Microsoft.Extensions.Logging;
using Vigil.Domain.DeadLetters;
using Vigil.Pipeline.Ingest.Syslog;
using Vigil.Pipeline.Normalize;

namespace Vigil.Listeners;

internal sealed partial class SyslogListener
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(5);

    // At shutdown a store that stays down cannot be waited for forever: this many tries, then the loss is logged and counted.
    private const int DrainAttempts = 5;

    /// <summary>
    /// Stores messages in batches of up to BatchSize, waiting at most BatchWindowMilliseconds to fill one, until the
    /// queue is completed (at shutdown) and empty.
    /// </summary>
    private async Task StoreAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var batch = new List<Received>(_options.BatchSize);
        var window = TimeSpan.FromMilliseconds(_options.BatchWindowMilliseconds);
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            using (var fill = new CancellationTokenSource(window, time))
            {
                try
                {
                    while (batch.Count < _options.BatchSize)
                    {
                        if (reader.TryRead(out var item))
                        {
                            batch.Add(item);
                        }
                        else if (stoppingToken.IsCancellationRequested || !await reader.WaitToReadAsync(fill.Token))
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException)
                {
                    // The window closed: store what there is.
                }
            }

            await StoreBatchAsync(batch, stoppingToken);
        }
    }

    /// <summary>Stores one batch, retrying with back-off while the store fails; meanwhile the queue fills and reading stops.</summary>
    private async Task StoreBatchAsync(List<Received> batch, CancellationToken stoppingToken)
    {
        var now = time.GetUtcNow();
        var events = new List<RawJsonEvent>(batch.Count);
        for (var i = 0; i < batch.Count; i++)
        {
            var item = batch[i];
            events.Add(item.FramingError is { } framing
                ? new RawJsonEvent(i + 1, 0, null, item.Text, $"syslog from {item.From}: {framing}")
                : SyslogEvents.Read(i + 1, item.Text, now, item.From));
        }

        var delay = FirstRetry;
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var summary = await ingestor.IngestAsync(DeadLetterChannels.Syslog, _options.Source, events, "syslog", "text/plain; charset=utf-8", Actor, CancellationToken.None);
                counters.Committed(summary.Stored, summary.Deduplicated, summary.DeadLettered);
                SyslogLog.Batch(logger, summary.Read, summary.Stored, summary.Deduplicated, summary.DeadLettered);
                return;
            }
            catch (Exception exception)
            {
                if (stoppingToken.IsCancellationRequested && attempt >= DrainAttempts)
                {
                    counters.Abandoned(batch.Count);
                    SyslogLog.Abandoned(logger, exception, batch.Count, attempt);
                    return;
                }

                counters.Retried();
                SyslogLog.BatchFailed(logger, exception, batch.Count, delay);
                await Task.Delay(delay, time, CancellationToken.None);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, MaxRetry.Ticks));
            }
        }
    }
}
