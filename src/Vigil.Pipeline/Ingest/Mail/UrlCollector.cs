using System.Text.RegularExpressions;

namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>
/// URLs found in a message, deduplicated in first-seen order and bounded by <see cref="MailLimits.MaxUrls"/>.
/// Text only: nothing is resolved or fetched.
/// </summary>
internal sealed partial class UrlCollector(int maxUrls)
{
    private readonly List<string> _urls = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Urls => _urls;

    /// <summary>Adds every http(s)/ftp URL written out in <paramref name="text"/>.</summary>
    public void AddFromText(string text)
    {
        foreach (Match match in UrlInText().Matches(text))
        {
            Add(match.Value);
        }
    }

    /// <summary>Adds an href value when it is an absolute web URL (not mailto:, cid:, javascript: or a fragment).</summary>
    public void AddHref(string href)
    {
        var trimmed = href.Trim();
        if (HostOf(trimmed) is not null)
        {
            Add(trimmed);
        }
    }

    /// <summary>The host of an absolute http(s)/ftp URL, lower-cased, or null.</summary>
    public static string? HostOf(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" or "ftp" && uri.Host.Length > 0
            ? uri.IdnHost.ToLowerInvariant()
            : null;

    /// <summary>The host that link text shows to the reader ("www.bank.example", "https://bank.example/login"), or null.</summary>
    public static string? ShownHost(string text)
    {
        var trimmed = text.Trim().TrimEnd('.', ',', ';', ':');
        if (trimmed.Length == 0 || trimmed.Length > 2_048)
        {
            return null;
        }

        if (HostOf(trimmed) is { } host)
        {
            return host;
        }

        return HostLike().IsMatch(trimmed) ? HostOf("http://" + trimmed) : null;
    }

    private void Add(string url)
    {
        // Sentence punctuation that follows a URL in prose is not part of it.
        var value = url.TrimEnd('.', ',', ';', ':', '!', '?', ')', ']', '}', '\'', '"', '>');
        if (value.Length == 0 || !_seen.Add(value))
        {
            return;
        }

        if (_urls.Count >= maxUrls)
        {
            throw new MailLimitException($"the message has more than {maxUrls} distinct URLs (limit MaxUrls)");
        }

        _urls.Add(value);
    }

    // No nested quantifiers: linear on attacker-controlled text.
    [GeneratedRegex(@"(?:https?|ftp)://[^\s<>""'`\x00-\x1f\x7f]+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UrlInText();

    [GeneratedRegex(@"^(?:www\.)?[a-z0-9-]+(?:\.[a-z0-9-]+)+(?:[/?#]\S*)?$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HostLike();
}
