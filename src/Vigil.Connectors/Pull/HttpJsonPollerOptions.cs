using System.ComponentModel.DataAnnotations;

namespace Vigil.Connectors.Pull;

/// <summary>
/// One generic HTTP JSON poller, configured under <c>Vigil:Pollers:NAME</c> (or a YAML file of them): where to read,
/// how to authenticate, where the items are, and how to page.
/// </summary>
public sealed class HttpJsonPollerOptions
{
    public const string Section = "Vigil:Pollers";

    /// <summary>The first page (and every page of <see cref="HttpPaging.Token"/> and <see cref="HttpPaging.Field"/> paging).</summary>
    [Required]
    public string Url { get; set; } = string.Empty;

    /// <summary>The mapping the items are normalised with, or <c>auto</c>.</summary>
    [Required]
    public string Source { get; set; } = "auto";

    /// <summary>JSONPath to the items: <c>$</c> when the body is an array, <c>$.data[*]</c>, <c>$.results</c>…</summary>
    [Required]
    public string Items { get; set; } = "$";

    public HttpPaging Paging { get; set; } = HttpPaging.NextLink;

    /// <summary>JSONPath to the next link (<see cref="HttpPaging.NextLink"/>) or token (<see cref="HttpPaging.Token"/>) in the body.</summary>
    public string? Next { get; set; }

    /// <summary>JSONPath, inside an item, of the value <see cref="HttpPaging.Field"/> paging resumes from.</summary>
    public string? CursorField { get; set; }

    /// <summary>The query parameter that carries the token or the field value back.</summary>
    public string? CursorParam { get; set; }

    /// <summary>Optional page-size parameter added to the URLs Vigil builds (e.g. <c>limit</c>), with <see cref="PageSize"/>.</summary>
    public string? LimitParam { get; set; }

    /// <summary>Items per page asked for; a page is read whole and must stay under the connectors' 1 MiB response bound.</summary>
    [Range(1, 10_000)]
    public int PageSize { get; set; } = 100;

    /// <summary>JSONPath, inside an item, of its time (ISO 8601 or Unix seconds/milliseconds), to show how far behind the poller is.</summary>
    public string? TimeField { get; set; }

    /// <summary>The header that carries the secret (default <c>Authorization</c>).</summary>
    public string AuthHeader { get; set; } = "Authorization";

    /// <summary>Put before the secret in the header, e.g. <c>Bearer </c> or <c>SSWS </c> (Okta).</summary>
    public string AuthPrefix { get; set; } = "Bearer ";

    /// <summary>The environment variable that holds the secret; never the secret itself in configuration.</summary>
    public string? SecretEnv { get; set; }

    /// <summary>A file that holds the secret (e.g. a mounted Kubernetes or Docker secret), read at each run so rotation needs no restart.</summary>
    public string? SecretFile { get; set; }

    [Range(1, 86_400)]
    public int IntervalSeconds { get; set; } = 60;

    [Range(1, 10_000)]
    public int MaxPagesPerRun { get; set; } = 50;

    [Range(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    /// <summary>Lets the poller reach 127.0.0.0/8 and ::1 (an API on the same host, or tests); off by default (SSRF guard).</summary>
    public bool AllowLoopback { get; set; }

    /// <summary>Lets the poller reach RFC 1918, CGNAT and unique-local addresses (an on-premises API).</summary>
    public bool AllowPrivateNetwork { get; set; }

    public bool Enabled { get; set; } = true;
}
