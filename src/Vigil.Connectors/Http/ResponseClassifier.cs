using System.Globalization;
using System.Net;
using Vigil.Pipeline.Respond.Connectors;

namespace Vigil.Connectors.Http;

/// <summary>
/// Which vendor answers are worth retrying. RFC 9110: 408, 429 and 5xx are about the moment, not the request; other
/// 4xx will fail the same way again, so the playbook's failure path should run instead of a retry loop.
/// </summary>
public static class ResponseClassifier
{
    /// <summary>Vendors that announce the end of a rate-limit window as a Unix time instead of Retry-After (Okta, CrowdStrike).</summary>
    private static readonly string[] ResetHeaders = ["X-Rate-Limit-Reset", "X-RateLimit-RetryAfter", "X-RateLimit-Reset"];

    public static ConnectorOutcome Classify(HttpStatusCode status) => (int)status switch
    {
        >= 200 and < 300 => ConnectorOutcome.Succeeded,
        408 or 425 or 429 => ConnectorOutcome.Transient,
        >= 500 and not 501 and not 505 => ConnectorOutcome.Transient,
        _ => ConnectorOutcome.Failed,
    };

    /// <summary>Retry-After as delta-seconds or an HTTP date (RFC 9110 §10.2.3), else a vendor reset header, else null.</summary>
    public static TimeSpan? RetryAfter(IReadOnlyDictionary<string, string> headers, DateTimeOffset now)
    {
        if (headers.TryGetValue("Retry-After", out var value))
        {
            if (long.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(Math.Min(seconds, 86_400));
            }

            if (DateTimeOffset.TryParseExact(value.Trim(), "r", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at))
            {
                return at > now ? at - now : TimeSpan.Zero;
            }
        }

        foreach (var name in ResetHeaders)
        {
            if (headers.TryGetValue(name, out var reset) && long.TryParse(reset.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var epoch)
                && epoch > 1_000_000_000)
            {
                var at = DateTimeOffset.FromUnixTimeSeconds(epoch);
                return at > now ? at - now : TimeSpan.Zero;
            }
        }

        return null;
    }
}
