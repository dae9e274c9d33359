using Microsoft.Extensions.Logging;
using Vigil.Domain.DeadLetters;
using Vigil.Pipeline.Ingest.Syslog;
using Vigil.Pipeline.Normalize;

namespace Vigil.Listeners;

internal sealed partial class SyslogListener
{
    /// <summary>Stores messages in batches of up to BatchSize, waiting at most BatchWindowMilliseconds to fill one.</summary>
    private async Task StoreAsync(CancellationToken stoppingToken)
    {
        var reader = _queue.Reader;
        var batch = new List<Received>(_options.BatchSize);
        var window = TimeSpan.FromMilliseconds(_options.BatchWindowMilliseconds);
        while (await reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            using (var fill = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken))
            {
                fill.CancelAfter(window);
                try
                {
                    while (batch.Count < _options.BatchSize)
                    {
                        if (reader.TryRead(out var item))
                        {
                            batch.Add(item);
                        }
                        else if (!await reader.WaitToReadAsync(fill.Token))
                        {
                            break;
                        }
                    }
                }
                catch (OperationCanceledException) when (!stoppingToken.IsCancellationRequested)
                {
                    // The window closed: store what there is.
                }
            }

            await StoreBatchAsync(batch, stoppingToken);
        }
    }

    private async Task StoreBatchAsync(List<Received> batch, CancellationToken cancellationToken)
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

        try
        {
            var summary = await ingestor.IngestAsync(DeadLetterChannels.Syslog, _options.Source, events, "syslog", "text/plain; charset=utf-8", Actor, cancellationToken);
            SyslogLog.Batch(logger, summary.Read, summary.Stored, summary.Deduplicated, summary.DeadLettered);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            SyslogLog.BatchFailed(logger, exception, batch.Count);
        }
    }
}
