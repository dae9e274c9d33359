using System.Net;
using System.Text.RegularExpressions;
using MimeKit.Utils;

namespace Vigil.Pipeline.Ingest.Mail;

/// <summary>
/// Reads a Received header's clauses (RFC 5321 section 4.4: <c>from</c>, <c>by</c>, <c>with</c>, then <c>; date</c>).
/// Senders write these freely, so every clause is optional and nothing here throws.
/// </summary>
internal static partial class ReceivedHeaderReader
{
    // A Received header longer than this is not a hop record; read only its start.
    private const int MaxLength = 4_096;

    public static ReceivedHop Read(string value)
    {
        var text = value.Length > MaxLength ? value[..MaxLength] : value;
        var semicolon = text.LastIndexOf(';');
        DateTimeOffset? time = semicolon >= 0 && DateUtils.TryParse(text[(semicolon + 1)..].Trim(), out var date) ? date : null;
        var clauses = semicolon >= 0 ? text[..semicolon] : text;
        var from = FromClause().Match(clauses);
        return new ReceivedHop
        {
            From = from.Success ? from.Groups["host"].Value : null,
            FromIp = from.Success && from.Groups["comment"].Success ? IpIn(from.Groups["comment"].Value) : null,
            By = Clause(ByClause().Match(clauses)),
            With = Clause(WithClause().Match(clauses)),
            Time = time,
        };
    }

    private static string? Clause(Match match) => match.Success ? match.Groups["value"].Value : null;

    private static string? IpIn(string comment)
    {
        foreach (Match match in Bracketed().Matches(comment))
        {
            var candidate = match.Groups["ip"].Value;
            if (candidate.StartsWith("IPv6:", StringComparison.OrdinalIgnoreCase))
            {
                candidate = candidate[5..];
            }

            if (IPAddress.TryParse(candidate, out var address))
            {
                return address.ToString();
            }
        }

        return null;
    }

    [GeneratedRegex(@"\bfrom\s+(?<host>[^\s;()]+)(?:\s*\((?<comment>[^)]*)\))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex FromClause();

    [GeneratedRegex(@"\bby\s+(?<value>[^\s;()]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByClause();

    [GeneratedRegex(@"\bwith\s+(?<value>[^\s;()]+)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WithClause();

    [GeneratedRegex(@"\[(?<ip>[0-9A-Fa-f:.IPv6]+)\]", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();
}
