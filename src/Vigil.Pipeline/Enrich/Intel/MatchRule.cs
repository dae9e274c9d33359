namespace Vigil.Pipeline.Enrich.Intel;

/// <summary>Why an entity matched an indicator.</summary>
public enum MatchRule
{
    /// <summary>Same canonical value (ip, domain, url, hash, email).</summary>
    Exact,

    /// <summary>The address lies inside the indicator's network.</summary>
    InNetwork,

    /// <summary>The domain is a subdomain of the indicator's domain, on a label boundary.</summary>
    Subdomain,

    /// <summary>The URL's host (a domain, a parent of it, or an address) is the indicator.</summary>
    UrlHost,

    /// <summary>The email address's domain (or a parent of it) is the indicator.</summary>
    EmailDomain,
}
