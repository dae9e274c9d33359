namespace Vigil.Connectors.Pull;

/// <summary>How a polled API says where the next page is.</summary>
public enum HttpPaging
{
    /// <summary>A URL in the body (<see cref="HttpJsonPollerOptions.Next"/>), absolute or relative to the request.</summary>
    NextLink,

    /// <summary>An RFC 8288 <c>Link: &lt;…&gt;; rel="next"</c> header (Okta, GitHub).</summary>
    LinkHeader,

    /// <summary>An opaque token in the body (<see cref="HttpJsonPollerOptions.Next"/>) sent back as <see cref="HttpJsonPollerOptions.CursorParam"/>.</summary>
    Token,

    /// <summary>
    /// A field of the last item (<see cref="HttpJsonPollerOptions.CursorField"/>, e.g. a timestamp or sequence number) sent
    /// back as <see cref="HttpJsonPollerOptions.CursorParam"/>; the API must return items with a value at or after it, in order.
    /// </summary>
    Field,
}
