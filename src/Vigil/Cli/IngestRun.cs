using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Domain.Alerts;
using Vigil.Domain.DeadLetters;
using Vigil.Domain.Text;
using Vigil.Pipeline.Ingest;
using Vigil.Pipeline.Ingest.Mail;
using Vigil.Pipeline.Normalize;
using Vigil.Pipeline.Ports;

namespace Vigil.Cli;

/// <summary>
/// One <c>vigil ingest</c> run over its files. Records are committed in batches; after each batch the file's position
/// (records committed) is saved as a checkpoint in the store, so <c>--resume</c> after an interruption starts after the
/// last committed batch: nothing is skipped, and at most the batch in flight at the crash is read twice (and counted
/// as a repeat, never stored twice, because alerts are deduplicated by fingerprint).
/// </summary>
internal sealed class IngestRun(CliContext context, IngestSettings settings)
{
    private readonly AlertSubmissionParser _parser = context.Get<AlertSubmissionParser>();
    private readonly AlertIngestor _alerts = context.Get<AlertIngestor>();
    private readonly EventIngestor _events = context.Get<EventIngestor>();
    private readonly DeadLetterService _deadLetters = context.Get<DeadLetterService>();
    private readonly TimeProvider _time = context.Get<TimeProvider>();
    private readonly Stopwatch _clock = Stopwatch.StartNew();

    public long Read { get; private set; }

    public long Stored { get; private set; }

    public long Deduplicated { get; private set; }

    public long DeadLettered { get; private set; }

    /// <summary>Records passed over by <c>--resume</c> because an earlier run committed them.</summary>
    public long Skipped { get; private set; }

    public List<string> Notes { get; } = [];

    public static bool IsMail(string path) => path.EndsWith(".eml", StringComparison.OrdinalIgnoreCase);

    public static bool IsCsv(string path) => path.EndsWith(".csv", StringComparison.OrdinalIgnoreCase);

    public async Task IngestFileAsync(string path, Action<long> progress, CancellationToken cancellationToken)
    {
        if (IsMail(path))
        {
            await IngestMailAsync(path, cancellationToken);
            return;
        }

        var checkpoint = await context.Store.GetCheckpointAsync(CheckpointName(path), cancellationToken);
        var committed = checkpoint?.Cursor is { } cursor ? long.Parse(cursor, CultureInfo.InvariantCulture) : 0;
        if (!settings.Resume && committed > 0)
        {
            Notes.Add($"{path}: an earlier run committed {committed} record(s); this run read it from the start (--resume continues after them)");
        }

        var skip = settings.Resume ? committed : 0;
        await using var stream = File.OpenRead(path);
        var batch = new Batch(path, skip);
        await foreach (var record in (IsCsv(path) ? ReadCsvAsync(path, stream, cancellationToken) : ReadJsonAsync(stream, cancellationToken)).WithCancellation(cancellationToken))
        {
            batch.Position++;
            if (batch.Position <= skip)
            {
                Skipped++;
                continue;
            }

            Read++;
            await AddAsync(batch, record, path, cancellationToken);
            if (batch.Count >= settings.BatchSize)
            {
                await FlushAsync(batch, cancellationToken);
                progress(stream.Position);
            }
        }

        await FlushAsync(batch, cancellationToken);
    }

    public string Summary()
    {
        var seconds = Math.Max(_clock.Elapsed.TotalSeconds, 0.001);
        var skipped = Skipped > 0 ? $", skipped {Skipped} already ingested (--resume)" : string.Empty;
        return string.Create(CultureInfo.InvariantCulture,
            $"read {Read}, stored {Stored}, deduplicated {Deduplicated}, dead-lettered {DeadLettered}{skipped} in {seconds:0.0}s ({Read / seconds:0} records/s)");
    }

    private static string CheckpointName(string path)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))));
        return $"{IngestCheckpointKinds.File}:{hash[..32]}";
    }

    /// <summary>One record: the alert submission (no --source) or the event for the source's mapping.</summary>
    private async Task AddAsync(Batch batch, RawJsonEvent record, string path, CancellationToken cancellationToken)
    {
        if (settings.Source is not null)
        {
            batch.Events.Add(record with { Index = batch.Events.Count + 1 });
            return;
        }

        var where = $"{path}:{record.Line}";
        var submission = record.Error is null
            ? _parser.Parse(Encoding.UTF8.GetBytes(record.Raw))
            : new AlertSubmission([], [new InputError("$", record.Error)], false);
        if (!submission.IsValid || submission.IsBatch)
        {
            var reason = submission.IsValid ? "a record must be one alert object, not a batch" : string.Join("; ", submission.Errors);
            await _deadLetters.RecordAsync(DeadLetterChannels.Alert, submission.SourceHint, record.Raw, $"{where}: {reason}", "application/json", cancellationToken);
            DeadLettered++;
            return;
        }

        batch.Drafts.AddRange(submission.Drafts);
    }

    private async Task FlushAsync(Batch batch, CancellationToken cancellationToken)
    {
        if (batch.Drafts.Count > 0)
        {
            foreach (var outcome in await _alerts.IngestAsync(batch.Drafts, CliContext.Operator, cancellationToken))
            {
                Stored += outcome.Created ? 1 : 0;
                Deduplicated += outcome.Created ? 0 : 1;
            }
        }

        if (batch.Events.Count > 0)
        {
            var summary = await _events.IngestAsync(settings.Source!, batch.Events, batch.Path, "application/json", CliContext.Operator, cancellationToken);
            Stored += summary.Stored;
            Deduplicated += summary.Deduplicated;
            DeadLettered += summary.DeadLettered;
        }

        batch.Drafts.Clear();
        batch.Events.Clear();
        if (batch.Position > batch.Saved)
        {
            // Only now, with the batch committed, does the resumable position move past it.
            var now = _time.GetUtcNow();
            await using var transaction = await context.Store.BeginAsync(cancellationToken);
            await transaction.SaveCheckpointAsync(new IngestCheckpoint
            {
                Name = CheckpointName(batch.Path),
                Kind = IngestCheckpointKinds.File,
                Cursor = batch.Position.ToString(CultureInfo.InvariantCulture),
                LastRunAt = now,
                LastSuccessAt = now,
                EventsTotal = batch.Position,
                UpdatedAt = now,
            }, null, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            batch.Saved = batch.Position;
        }
    }

    /// <summary>A reported phishing mail: one alert per reported message, through the phishing_report mapping.</summary>
    private async Task IngestMailAsync(string path, CancellationToken cancellationToken)
    {
        var summary = await context.Get<MailReportIngestor>().IngestAsync(await File.ReadAllBytesAsync(path, cancellationToken), "eml_file", path, CliContext.Operator, cancellationToken);
        Read++;
        Stored += summary.Stored;
        Deduplicated += summary.Deduplicated;
        DeadLettered += summary.DeadLettered;
    }

    private static IAsyncEnumerable<RawJsonEvent> ReadJsonAsync(Stream stream, CancellationToken cancellationToken) =>
        JsonEventReader.ReadAsync(stream, cancellationToken);

    /// <summary>CSV rows as JSON records: alert submissions by column mapping, or (with --source) events keyed by header.</summary>
    private async IAsyncEnumerable<RawJsonEvent> ReadCsvAsync(string path, Stream stream, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        CsvAlertColumns? columns = null;
        var index = 0;
        foreach (var row in CsvRecordReader.Read(reader, skipComments: false))
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (columns is null)
            {
                columns = new CsvAlertColumns(row.Fields, settings.Columns);
                if (settings.Source is null)
                {
                    Notes.Add($"{path}: columns {columns.Describe()}");
                }

                continue;
            }

            var json = settings.Source is null ? columns.ToAlert(row.Fields, settings.DefaultSource).ToJsonString() : columns.ToEvent(row.Fields).ToJsonString();
            using var document = JsonDocument.Parse(json);
            yield return new RawJsonEvent(++index, row.Line, document.RootElement.Clone(), json, null);
        }

        await Task.CompletedTask;
    }

    private sealed class Batch(string path, long saved)
    {
        public string Path { get; } = path;

        public List<AlertDraft> Drafts { get; } = [];

        public List<RawJsonEvent> Events { get; } = [];

        public long Position { get; set; }

        public long Saved { get; set; } = saved;

        public int Count => Drafts.Count + Events.Count;
    }
}
