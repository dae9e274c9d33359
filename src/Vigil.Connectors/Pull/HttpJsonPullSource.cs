using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Vigil.Connectors.Http;
using Vigil.Pipeline.Ingest.Pull;
using Vigil.Pipeline.Normalize;

namespace Vigil.Connectors.Pull;

/// <summary>
/// A generic poller for JSON APIs: GETs a page, selects the items with a JSONPath, and follows the API's paging (a
/// next link in the body or a Link header, a page token, or a cursor field of the last item). Each item's raw text is
/// the API's own bytes, kept verbatim as the alert's payload. Configuration, not code: see <see cref="HttpJsonPollerOptions"/>.
/// Requests go through the connectors' <see cref="ConnectorClient"/>: the SSRF guard on the address actually dialled
/// (loopback and private networks only when the poller allows them), no redirects or proxies, bounded reads, and the
/// calls counted in the connectors' health.
/// </summary>
public sealed class HttpJsonPullSource : IPullSource
{
    private readonly HttpJsonPollerOptions _options;
    private readonly ConnectorClient _http;
    private readonly JsonPath _items;
    private readonly JsonPath? _next;
    private readonly JsonPath? _cursorField;
    private readonly JsonPath? _timeField;

    private HttpJsonPullSource(string name, HttpJsonPollerOptions options, ConnectorClient http)
    {
        Name = name;
        _options = options;
        _http = http;
        _items = JsonPath.Parse(options.Items);
        _next = options.Next is null ? null : JsonPath.Parse(options.Next);
        _cursorField = options.CursorField is null ? null : JsonPath.Parse(options.CursorField);
        _timeField = options.TimeField is null ? null : JsonPath.Parse(options.TimeField);
        if (!Uri.TryCreate(options.Url, UriKind.Absolute, out var url) || (url.Scheme != Uri.UriSchemeHttps && url.Scheme != Uri.UriSchemeHttp))
        {
            throw new ArgumentException($"poller '{name}': Url must be an absolute http(s) URL");
        }

        Endpoint = url.GetLeftPart(UriPartial.Path);
        var missing = options.Paging switch
        {
            HttpPaging.NextLink when _next is null => "Next (the JSONPath of the next link)",
            HttpPaging.Token when _next is null || options.CursorParam is null => "Next (the JSONPath of the token) and CursorParam",
            HttpPaging.Field when _cursorField is null || options.CursorParam is null => "CursorField and CursorParam",
            _ => null,
        };
        if (missing is not null)
        {
            throw new ArgumentException($"poller '{name}': {options.Paging} paging needs {missing}");
        }
    }

    public string Name { get; }

    /// <summary>A poller with its own guarded connection pool, named <c>poller:NAME</c> in the connectors' health.</summary>
    public static HttpJsonPullSource Create(string name, HttpJsonPollerOptions options, ConnectorHealth health, TimeProvider time, ILogger logger)
    {
        var connector = new ConnectorOptions
        {
            Name = $"poller:{name}",
            BaseUrl = Uri.TryCreate(options.Url, UriKind.Absolute, out var url) ? url : null,
            Timeout = TimeSpan.FromSeconds(options.TimeoutSeconds),
            AllowLoopback = options.AllowLoopback,
            AllowPrivateNetwork = options.AllowPrivateNetwork,
        };
        return new HttpJsonPullSource(name, options, new ConnectorClient(connector, health, time, logger));
    }

    public string Source => _options.Source;

    public string Endpoint { get; }

    public TimeSpan Interval => TimeSpan.FromSeconds(_options.IntervalSeconds);

    public int MaxPagesPerRun => _options.MaxPagesPerRun;

    public async Task<PullPage> PullAsync(string? cursor, CancellationToken cancellationToken)
    {
        var position = PollerCursor.Read(cursor);
        var url = RequestUrl(position);
        var secret = await SecretAsync(cancellationToken);
        // Authorization travels in its own slot (the client sets it last); any other header name as a secret header.
        var authorization = secret is not null && _options.AuthHeader.Equals("Authorization", StringComparison.OrdinalIgnoreCase);
        var response = await _http.SendAsync(new OutboundRequest
        {
            Method = HttpMethod.Get,
            Url = url,
            Authorization = authorization ? AuthenticationHeaderValue.Parse(_options.AuthPrefix + secret) : null,
            SecretHeaders = secret is null || authorization ? new Dictionary<string, string>() : new Dictionary<string, string> { [_options.AuthHeader] = _options.AuthPrefix + secret },
        }, cancellationToken);
        if (!response.IsSuccess)
        {
            throw new HttpRequestException($"GET {Redact(url)}: {response.Error}", null, response.StatusCode);
        }

        using var document = JsonDocument.Parse(response.Body);
        var items = SelectItems(document.RootElement);
        var events = new List<RawJsonEvent>(items.Count);
        DateTimeOffset? newest = null;
        var skip = Math.Min(position.Skip, items.Count);
        for (var i = skip; i < items.Count; i++)
        {
            // The item's own bytes, sliced from the response: the payload is the vendor's text, never a re-rendering.
            events.Add(new RawJsonEvent(events.Count + 1, 0, items[i].Clone(), items[i].GetRawText(), null));
            if (_timeField is not null && ReadTime(_timeField.SelectString(items[i])) is { } at && (newest is null || at > newest))
            {
                newest = at;
            }
        }

        var (next, hasMore) = Advance(position, url, response, document.RootElement, items);
        return new PullPage { Events = events, NextCursor = next.Write(), HasMore = hasMore, NewestEventAt = newest };
    }

    private (PollerCursor Next, bool HasMore) Advance(PollerCursor position, Uri url, ConnectorResponse response, JsonElement root, List<JsonElement> items)
    {
        switch (_options.Paging)
        {
            case HttpPaging.NextLink:
            case HttpPaging.LinkHeader:
                var link = _options.Paging == HttpPaging.NextLink ? _next!.SelectString(root) : LinkHeader.Next(response);
                return !string.IsNullOrWhiteSpace(link) && Uri.TryCreate(url, link, out var nextUrl) && nextUrl != url
                    ? (new PollerCursor(nextUrl.ToString(), null, null, 0), true)
                    : (new PollerCursor(url.ToString(), null, null, items.Count), false);
            case HttpPaging.Token:
                var token = _next!.SelectString(root);
                return !string.IsNullOrEmpty(token) && token != position.Token
                    ? (new PollerCursor(null, token, null, 0), true)
                    : (position with { Skip = Math.Max(position.Skip, items.Count) }, false);
            default:
                if (items.Count == 0)
                {
                    return (position, false);
                }

                // Items at the last value were committed; the next request starts at that value (inclusive) and
                // passes over exactly those, so equal timestamps across a page boundary are neither lost nor repeated.
                var last = _cursorField!.SelectString(items[^1]);
                var atLast = 0;
                foreach (var item in items)
                {
                    atLast += _cursorField.SelectString(item) == last ? 1 : 0;
                }

                var full = items.Count > Math.Min(position.Skip, items.Count) && items.Count >= Limit(position);
                return (new PollerCursor(null, null, last, atLast), full);
        }
    }

    private Uri RequestUrl(PollerCursor position)
    {
        if (position.Url is not null)
        {
            return new Uri(position.Url);
        }

        var builder = new UriBuilder(_options.Url);
        var query = builder.Query.TrimStart('?');
        void Add(string name, string value) => query = (query.Length == 0 ? string.Empty : query + "&") + Uri.EscapeDataString(name) + "=" + Uri.EscapeDataString(value);
        if (_options.LimitParam is not null)
        {
            Add(_options.LimitParam, Limit(position).ToString(CultureInfo.InvariantCulture));
        }

        var carried = _options.Paging == HttpPaging.Token ? position.Token : _options.Paging == HttpPaging.Field ? position.Value : null;
        if (carried is not null)
        {
            Add(_options.CursorParam!, carried);
        }

        builder.Query = query;
        return builder.Uri;
    }

    /// <summary>
    /// The page size asked for. With a field cursor the page starts with the items already committed at the cursor's
    /// value, so it asks for that many more: otherwise more items sharing one value than fit on a page would never advance.
    /// </summary>
    private int Limit(PollerCursor position) => _options.Paging == HttpPaging.Field ? _options.PageSize + position.Skip : _options.PageSize;

    private List<JsonElement> SelectItems(JsonElement root)
    {
        var selected = _items.Select(root);
        // "$.data" naming an array means its elements, as "$.data[*]" does.
        return selected.Count == 1 && selected[0].ValueKind == JsonValueKind.Array ? [.. selected[0].EnumerateArray()] : selected;
    }

    private async Task<string?> SecretAsync(CancellationToken cancellationToken)
    {
        if (_options.SecretFile is { } file)
        {
            return (await File.ReadAllTextAsync(file, cancellationToken)).Trim();
        }

        return _options.SecretEnv is { } variable
            ? Environment.GetEnvironmentVariable(variable) ?? throw new InvalidOperationException($"poller '{Name}': the environment variable {variable} holding its secret is not set")
            : null;
    }

    private static DateTimeOffset? ReadTime(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
        {
            return parsed;
        }

        return long.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number > 100_000_000_000 ? DateTimeOffset.FromUnixTimeMilliseconds(number) : DateTimeOffset.FromUnixTimeSeconds(number)
            : null;
    }

    /// <summary>The URL without its query, for errors: a query may carry tokens.</summary>
    private static string Redact(Uri url) => url.GetLeftPart(UriPartial.Path);
}
