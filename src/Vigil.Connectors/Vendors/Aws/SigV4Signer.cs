using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Vigil.Connectors.Vendors.Aws;

/// <summary>
/// AWS Signature Version 4 (header form), as AWS documents it in "Create a signed AWS API request": canonical request,
/// string to sign, the HMAC-SHA256 key chain (date, region, service, "aws4_request"), signature. Checked against AWS's
/// published SigV4 test suite (get-vanilla, post-vanilla, query ordering, form-encoded body).
/// </summary>
public static class SigV4Signer
{
    private const string Algorithm = "AWS4-HMAC-SHA256";

    /// <param name="headers">Headers to sign besides host and x-amz-date (e.g. content-type); names any case.</param>
    public static SigV4Signature Sign(string method, Uri url, IReadOnlyDictionary<string, string> headers, string body, DateTimeOffset at,
        string region, string service, AwsCredentials credentials)
    {
        var amzDate = at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var date = amzDate[..8];
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["host"] = url.IsDefaultPort ? url.Host : $"{url.Host}:{url.Port}",
            ["x-amz-date"] = amzDate,
        };
        foreach (var (name, value) in headers)
        {
            all[name.ToLowerInvariant()] = Normalise(value);
        }

        if (credentials.SessionToken is { } token)
        {
            all["x-amz-security-token"] = token;
        }

        var signedHeaders = string.Join(';', all.Keys);
        var canonicalRequest = new StringBuilder()
            .Append(method.ToUpperInvariant()).Append('\n')
            .Append(CanonicalPath(url)).Append('\n')
            .Append(CanonicalQuery(url)).Append('\n')
            .Append(string.Concat(all.Select(h => $"{h.Key}:{h.Value}\n"))).Append('\n')
            .Append(signedHeaders).Append('\n')
            .Append(Hex(SHA256.HashData(Encoding.UTF8.GetBytes(body))))
            .ToString();
        var scope = $"{date}/{region}/{service}/aws4_request";
        var stringToSign = $"{Algorithm}\n{amzDate}\n{scope}\n{Hex(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest)))}";

        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + credentials.SecretAccessKey), date);
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        var signature = Hex(Hmac(key, stringToSign));
        return new SigV4Signature
        {
            Authorization = $"{Algorithm} Credential={credentials.AccessKeyId}/{scope}, SignedHeaders={signedHeaders}, Signature={signature}",
            AmzDate = amzDate,
            SecurityToken = credentials.SessionToken,
            CanonicalRequest = canonicalRequest,
            StringToSign = stringToSign,
            Signature = signature,
        };
    }

    /// <summary>RFC 3986 encoding as SigV4 wants it: unreserved characters kept, everything else %XX in upper case.</summary>
    public static string Encode(string value)
    {
        var text = new StringBuilder(value.Length);
        foreach (var b in Encoding.UTF8.GetBytes(value))
        {
            var c = (char)b;
            if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                text.Append(c);
            }
            else
            {
                text.Append('%').Append(b.ToString("X2", CultureInfo.InvariantCulture));
            }
        }

        return text.ToString();
    }

    private static string CanonicalPath(Uri url)
    {
        var path = Uri.UnescapeDataString(url.AbsolutePath);
        return path.Length == 0 ? "/" : string.Join('/', path.Split('/').Select(Encode));
    }

    private static string CanonicalQuery(Uri url)
    {
        var query = url.Query.TrimStart('?');
        if (query.Length == 0)
        {
            return string.Empty;
        }

        return string.Join('&', query.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(kv => (Key: Encode(Uri.UnescapeDataString(kv[0])), Value: Encode(Uri.UnescapeDataString(kv.Length > 1 ? kv[1] : string.Empty))))
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .ThenBy(kv => kv.Value, StringComparer.Ordinal)
            .Select(kv => $"{kv.Key}={kv.Value}"));
    }

    /// <summary>Header values are trimmed and runs of spaces collapse to one (the suite's get-header-value-trim).</summary>
    private static string Normalise(string value) => string.Join(' ', value.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);
}
