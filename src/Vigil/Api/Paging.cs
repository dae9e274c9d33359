using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.WebUtilities;

namespace Vigil.Api;

internal static class Paging
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 500;

    /// <summary>Adds <c>Link: &lt;…&gt;; rel="next"</c> (RFC 8288): the same query with the cursor moved on.</summary>
    public static void AddNextLink(HttpContext context, string? next)
    {
        if (next is null)
        {
            return;
        }

        var request = context.Request;
        var query = new List<KeyValuePair<string, string?>>();
        foreach (var (key, values) in request.Query)
        {
            if (!string.Equals(key, "cursor", StringComparison.OrdinalIgnoreCase))
            {
                query.AddRange(values.Select(v => new KeyValuePair<string, string?>(key, v)));
            }
        }

        query.Add(new KeyValuePair<string, string?>("cursor", next));
        var url = new StringBuilder().Append(request.PathBase).Append(request.Path).ToString();
        context.Response.Headers.Append("Link", $"<{QueryHelpers.AddQueryString(url, query)}>; rel=\"next\"");
    }

    public static bool TryLimit(int? requested, out int limit)
    {
        limit = requested ?? DefaultLimit;
        return limit is >= 1 and <= MaxLimit;
    }
}
