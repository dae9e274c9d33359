using System.Globalization;
using Npgsql;

namespace Vigil.Storage.Engines;

/// <summary>
/// Accepts both forms users paste: <c>postgres://user:pass@host:port/db?sslmode=require</c> (what hosting providers
/// print) and Npgsql's <c>Host=…;Username=…</c>. Npgsql itself reads only the second.
/// </summary>
internal static class PostgresConnectionString
{
    public static string ToKeyValue(string connectionString)
    {
        var text = connectionString.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0)
        {
            return new NpgsqlConnectionStringBuilder(text).ConnectionString;
        }

        var schemeName = text[..scheme];
        if (!schemeName.Equals("postgres", StringComparison.OrdinalIgnoreCase) && !schemeName.Equals("postgresql", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"'{schemeName}://' is not a PostgreSQL URL (expected postgres:// or postgresql://).", nameof(connectionString));
        }

        var rest = text[(scheme + 3)..];
        var query = string.Empty;
        var questionMark = rest.IndexOf('?', StringComparison.Ordinal);
        if (questionMark >= 0)
        {
            query = rest[(questionMark + 1)..];
            rest = rest[..questionMark];
        }

        var database = string.Empty;
        var slash = rest.IndexOf('/', StringComparison.Ordinal);
        if (slash >= 0)
        {
            database = Uri.UnescapeDataString(rest[(slash + 1)..]);
            rest = rest[..slash];
        }

        var builder = new NpgsqlConnectionStringBuilder();
        var at = rest.LastIndexOf('@');
        if (at >= 0)
        {
            var userInfo = rest[..at];
            rest = rest[(at + 1)..];
            var colon = userInfo.IndexOf(':', StringComparison.Ordinal);
            builder.Username = Uri.UnescapeDataString(colon >= 0 ? userInfo[..colon] : userInfo);
            if (colon >= 0)
            {
                builder.Password = Uri.UnescapeDataString(userInfo[(colon + 1)..]);
            }
        }

        SetHosts(builder, rest);
        if (database.Length > 0)
        {
            builder.Database = database;
        }

        foreach (var pair in query.Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            var key = Uri.UnescapeDataString(equals >= 0 ? pair[..equals] : pair);
            var value = equals >= 0 ? Uri.UnescapeDataString(pair[(equals + 1)..]) : string.Empty;
            SetOption(builder, key, value);
        }

        return builder.ConnectionString;
    }

    private static void SetHosts(NpgsqlConnectionStringBuilder builder, string hosts)
    {
        if (hosts.Length == 0)
        {
            return;
        }

        // Several hosts (failover) stay in Npgsql's own "h1:p1,h2:p2" form, which it parses itself.
        if (hosts.Contains(',', StringComparison.Ordinal))
        {
            builder.Host = hosts;
            return;
        }

        var portColon = hosts.LastIndexOf(':');
        var closingBracket = hosts.LastIndexOf(']');
        if (portColon > closingBracket && (closingBracket >= 0 || hosts.IndexOf(':', StringComparison.Ordinal) == portColon))
        {
            builder.Port = int.Parse(hosts[(portColon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture);
            hosts = hosts[..portColon];
        }

        builder.Host = hosts.Trim('[', ']');
    }

    private static void SetOption(NpgsqlConnectionStringBuilder builder, string key, string value)
    {
        switch (key.ToLowerInvariant())
        {
            case "sslmode":
                builder.SslMode = value.ToLowerInvariant() switch
                {
                    "disable" => SslMode.Disable,
                    "allow" => SslMode.Allow,
                    "prefer" => SslMode.Prefer,
                    "require" => SslMode.Require,
                    "verify-ca" => SslMode.VerifyCA,
                    "verify-full" => SslMode.VerifyFull,
                    _ => throw new ArgumentException($"sslmode '{value}' is not one of disable, allow, prefer, require, verify-ca, verify-full."),
                };
                break;
            case "application_name":
                builder.ApplicationName = value;
                break;
            case "connect_timeout":
                builder.Timeout = int.Parse(value, NumberStyles.None, CultureInfo.InvariantCulture);
                break;
            case "sslrootcert":
                builder.RootCertificate = value;
                break;
            case "target_session_attrs":
                builder.TargetSessionAttributes = value;
                break;
            default:
                // Anything else may be an Npgsql keyword ("Maximum Pool Size=50" as maximum_pool_size=50).
                try
                {
                    builder[key.Replace('_', ' ')] = value;
                }
                catch (ArgumentException error)
                {
                    throw new ArgumentException($"'{key}' is not a connection option PostgreSQL or Npgsql knows.", error);
                }

                break;
        }
    }
}
