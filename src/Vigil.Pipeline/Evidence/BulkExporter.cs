using System.Globalization;
using System.Text.Json;
using Vigil.Domain;
using Vigil.Domain.Cases;
using Vigil.Domain.Ledger;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Evidence;

/// <summary>
/// Bulk exports for GRC tools and SIEMs: the ledger (every entry with its hashes, so a receiver can re-verify chains)
/// and the case list, as CSV or JSON lines, streamed page by page.
/// </summary>
public sealed class BulkExporter(IVigilStore store)
{
    public const string LedgerCsvHeader = "chain_id,seq,kind,actor,at,payload,prev_hash,hash";
    public const string CasesCsvHeader = "id,title,state,severity,owner,opened_at,sla_due_at,closed_at,classification,root_cause,alert_count";

    public async Task<long> WriteLedgerAsync(TextWriter writer, bool csv, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        long count = 0;
        if (csv)
        {
            await writer.WriteLineAsync(LedgerCsvHeader);
        }

        await foreach (var entry in CaseScan.LedgerAsync(store, from, to, cancellationToken))
        {
            await writer.WriteLineAsync(csv
                ? CsvField.Line(entry.ChainId, Number(entry.Seq), entry.Kind, entry.Actor.ToString(), LedgerHasher.FormatTime(entry.At), entry.Payload, entry.PrevHash, entry.Hash)
                : JsonSerializer.Serialize(LedgerRecord.Of(entry), PackageJson.Compact));
            count++;
        }

        return count;
    }

    public async Task<long> WriteCasesAsync(TextWriter writer, bool csv, DateTimeOffset? from, DateTimeOffset? to, CancellationToken cancellationToken)
    {
        long count = 0;
        if (csv)
        {
            await writer.WriteLineAsync(CasesCsvHeader);
        }

        await foreach (var c in CaseScan.AllAsync(store, cancellationToken))
        {
            if ((from is { } f && c.OpenedAt < f) || (to is { } t && c.OpenedAt >= t))
            {
                continue;
            }

            await writer.WriteLineAsync(csv
                ? CsvField.Line(c.Id, c.Title, c.State.ToWire(), c.Severity.ToWire(), c.Owner, Time(c.OpenedAt), Time(c.SlaDueAt), c.ClosedAt is { } closed ? Time(closed) : null, c.Classification?.ToWire(), c.RootCause, Number(c.AlertCount))
                : JsonSerializer.Serialize(
                    new
                    {
                        id = c.Id, title = c.Title, state = c.State.ToWire(), severity = c.Severity.ToWire(), owner = c.Owner, opened_at = c.OpenedAt,
                        sla_due_at = c.SlaDueAt, closed_at = c.ClosedAt, classification = c.Classification?.ToWire(), closure_note = c.ClosureNote,
                        root_cause = c.RootCause, merged_into = c.MergedInto, alert_count = c.AlertCount,
                    },
                    PackageJson.Compact));
            count++;
        }

        return count;
    }

    private static string Number(long value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Time(DateTimeOffset at) => LedgerHasher.FormatTime(at);
}
