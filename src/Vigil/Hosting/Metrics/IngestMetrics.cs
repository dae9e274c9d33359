using System.Globalization;
using System.Text;
using Vigil.Listeners;
using Vigil.Pipeline.Ingest;

namespace Vigil.Hosting.Metrics;

/// <summary>
/// Ingest figures on <c>/metrics</c>: per source, events by outcome and schema drift (so a vendor changing its payload
/// shows up as a rising drift counter before anyone reads a dead letter), and the syslog listener's queue and retries.
/// </summary>
internal static class IngestMetrics
{
    public static string Render(SourceHealth sources, SyslogCounters syslog)
    {
        var text = new StringBuilder(2048);
        var snapshot = sources.Snapshot();
        VigilMetrics.Header(text, "vigil_ingest_events_total", "Vendor events by source (mapping) and outcome since the process started.", "counter");
        foreach (var source in snapshot)
        {
            var label = VigilMetrics.Escape(source.Source);
            Line(text, "vigil_ingest_events_total", label, "received", source.Received);
            Line(text, "vigil_ingest_events_total", label, "stored", source.Stored);
            Line(text, "vigil_ingest_events_total", label, "deduplicated", source.Deduplicated);
            Line(text, "vigil_ingest_events_total", label, "dead_lettered", source.DeadLettered);
        }

        VigilMetrics.Header(text, "vigil_ingest_drift_total", "Events that normalised but differed from what their mapping expects (missing, new or retyped fields), by source.", "counter");
        foreach (var source in snapshot)
        {
            text.Append("vigil_ingest_drift_total{source=\"").Append(VigilMetrics.Escape(source.Source)).Append("\"} ")
                .Append(source.Drifted.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        VigilMetrics.Counter(text, "vigil_syslog_received_total", "Syslog messages received (UDP datagrams and TCP frames).", syslog.Received);
        VigilMetrics.Counter(text, "vigil_syslog_store_retries_total", "Syslog batches retried because the store failed.", syslog.StoreRetries);
        VigilMetrics.Counter(text, "vigil_syslog_lost_total", "Syslog messages that could not be stored at shutdown because the store stayed down.", syslog.Lost);
        VigilMetrics.Gauge(text, "vigil_syslog_queued", "Syslog messages received and not yet committed.", syslog.Queued);
        return text.ToString();
    }

    private static void Line(StringBuilder text, string name, string source, string outcome, long value) =>
        text.Append(name).Append("{source=\"").Append(source).Append("\",outcome=\"").Append(outcome).Append("\"} ")
            .Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
}
