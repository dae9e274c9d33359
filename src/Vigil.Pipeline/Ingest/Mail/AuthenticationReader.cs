using MimeKit;
using MimeKit.Cryptography;

namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>
/// SPF, DKIM, DMARC and ARC verdicts from Authentication-Results headers (RFC 8601), parsed by MimeKit.
/// The topmost header wins for each method: it is the one added by the last receiving server (the organisation's
/// own boundary); lower ones were added on the way, and a sender can forge those.
/// </summary>
internal static class AuthenticationReader
{
    public static MailAuthentication Read(HeaderList headers)
    {
        string? spf = null, dkim = null, dmarc = null, arc = null, raw = null;
        foreach (var header in headers)
        {
            if (header.Id != HeaderId.AuthenticationResults || !AuthenticationResults.TryParse(header.RawValue, out var results))
            {
                continue;
            }

            raw ??= header.Value.Trim();
            foreach (var result in results.Results)
            {
                var verdict = result.Result?.ToLowerInvariant();
                switch (result.Method?.ToLowerInvariant())
                {
                    case "spf": spf ??= verdict; break;
                    case "dkim": dkim ??= verdict; break;
                    case "dmarc": dmarc ??= verdict; break;
                    case "arc": arc ??= verdict; break;
                }
            }
        }

        // Received-SPF (RFC 7208 section 9.1) starts with the verdict; older receivers add only this.
        if (spf is null && headers[HeaderId.ReceivedSPF] is { } receivedSpf)
        {
            var first = receivedSpf.Trim().Split([' ', '\t', '('], 2)[0];
            spf = first.Length > 0 ? first.ToLowerInvariant() : null;
        }

        return new MailAuthentication { Spf = spf, Dkim = dkim, Dmarc = dmarc, Arc = arc, Raw = raw };
    }
}
