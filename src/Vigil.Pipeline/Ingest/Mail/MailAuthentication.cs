namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>
/// SPF, DKIM, DMARC and ARC verdicts (RFC 8601 result keywords such as <c>pass</c>, <c>fail</c>, <c>softfail</c>)
/// from the topmost Authentication-Results header, the one the receiving boundary added; <c>raw</c> is that header.
/// </summary>
public sealed record MailAuthentication
{
    public string? Spf { get; init; }

    public string? Dkim { get; init; }

    public string? Dmarc { get; init; }

    public string? Arc { get; init; }

    public string? Raw { get; init; }
}
