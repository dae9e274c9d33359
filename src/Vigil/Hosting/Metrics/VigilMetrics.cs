using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Vigil.Pipeline.Ports;

namespace Vigil.Hosting.Metrics;

/// <summary>
/// The process's counters, written in the Prometheus text exposition format (version 0.0.4). Hand-written rather
/// than a metrics library: a handful of Interlocked counters is all the server needs, and it costs no dependency.
/// </summary>
internal sealed class VigilMetrics
{
    public const string ContentType = "text/plain; version=0.0.4; charset=utf-8";

    private readonly ConcurrentDictionary<HttpRequestKey, MetricCounter> _requests = new();
    private readonly ConcurrentDictionary<string, MetricHistogram> _durations = new(StringComparer.Ordinal);

    public MetricCounter AlertsReceived { get; } = new();

    public MetricCounter AlertsCreated { get; } = new();

    public MetricCounter AlertsDuplicate { get; } = new();

    public MetricCounter DeadLetters { get; } = new();

    public void RecordRequest(string route, string method, int status, double seconds)
    {
        _requests.GetOrAdd(new HttpRequestKey(route, method, status), static _ => new MetricCounter()).Add();
        _durations.GetOrAdd(route, static _ => new MetricHistogram()).Observe(seconds);
    }

    public string Render(StoreStats? stats)
    {
        var text = new StringBuilder(4096);
        Counter(text, "vigil_alerts_received_total", "Alerts submitted through the API and accepted by the parser.", AlertsReceived.Value);
        Counter(text, "vigil_alerts_created_total", "Submitted alerts stored as new alerts.", AlertsCreated.Value);
        Counter(text, "vigil_alerts_duplicate_total", "Submitted alerts counted as another occurrence of a stored alert.", AlertsDuplicate.Value);
        Counter(text, "vigil_dead_letters_total", "Submissions rejected and kept in the dead-letter store by this process.", DeadLetters.Value);

        Header(text, "vigil_http_requests_total", "HTTP requests by route template, method and status.", "counter");
        foreach (var (key, counter) in _requests.OrderBy(r => r.Key.Route, StringComparer.Ordinal).ThenBy(r => r.Key.Method, StringComparer.Ordinal).ThenBy(r => r.Key.Status))
        {
            text.Append("vigil_http_requests_total{route=\"").Append(Escape(key.Route))
                .Append("\",method=\"").Append(Escape(key.Method))
                .Append("\",status=\"").Append(key.Status.ToString(CultureInfo.InvariantCulture))
                .Append("\"} ").Append(counter.Value.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        Header(text, "vigil_http_request_duration_seconds", "HTTP request duration by route template.", "histogram");
        foreach (var (route, histogram) in _durations.OrderBy(d => d.Key, StringComparer.Ordinal))
        {
            var label = Escape(route);
            var cumulative = histogram.Cumulative();
            for (var i = 0; i < cumulative.Length; i++)
            {
                var bound = i < MetricHistogram.Bounds.Length ? MetricHistogram.Bounds[i].ToString(CultureInfo.InvariantCulture) : "+Inf";
                text.Append("vigil_http_request_duration_seconds_bucket{route=\"").Append(label).Append("\",le=\"").Append(bound)
                    .Append("\"} ").Append(cumulative[i].ToString(CultureInfo.InvariantCulture)).Append('\n');
            }

            text.Append("vigil_http_request_duration_seconds_sum{route=\"").Append(label).Append("\"} ")
                .Append(histogram.Sum.ToString("R", CultureInfo.InvariantCulture)).Append('\n');
            text.Append("vigil_http_request_duration_seconds_count{route=\"").Append(label).Append("\"} ")
                .Append(histogram.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        }

        if (stats is not null)
        {
            Gauge(text, "vigil_store_alerts", "Distinct alerts in the store.", stats.Alerts);
            Gauge(text, "vigil_store_alert_occurrences", "Alert occurrences in the store, repeats included.", stats.Occurrences);
            Gauge(text, "vigil_store_cases", "Cases in the store.", stats.Cases);
            Gauge(text, "vigil_store_open_cases", "Cases not closed.", stats.OpenCases);
            Gauge(text, "vigil_store_ledger_entries", "Ledger entries across all chains.", stats.LedgerEntries);
            Gauge(text, "vigil_store_dead_letters_pending", "Dead letters waiting for replay or discard.", stats.DeadLettersPending);
        }

        return text.ToString();
    }

    internal static void Counter(StringBuilder text, string name, string help, long value)
    {
        Header(text, name, help, "counter");
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    internal static void Gauge(StringBuilder text, string name, string help, long value)
    {
        Header(text, name, help, "gauge");
        text.Append(name).Append(' ').Append(value.ToString(CultureInfo.InvariantCulture)).Append('\n');
    }

    internal static void Header(StringBuilder text, string name, string help, string type) =>
        text.Append("# HELP ").Append(name).Append(' ').Append(help).Append('\n')
            .Append("# TYPE ").Append(name).Append(' ').Append(type).Append('\n');

    // Label values escape backslash, double quote and line feed (exposition format, "Comments, help text, and type information").
    internal static string Escape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}
