using Vigil.Connectors.Http;

namespace Vigil.Connectors.Pull;

/// <summary>Reads the <c>rel="next"</c> target of RFC 8288 Link headers.</summary>
internal static class LinkHeader
{
    public static string? Next(ConnectorResponse response)
    {
        if (response.Header("Link") is not { } joined)
        {
            return null;
        }

        // The client joins repeated Link headers with ',' (RFC 9110 §5.3), the same separator as links within one.
        foreach (var link in joined.Split(','))
        {
            var open = link.IndexOf('<', StringComparison.Ordinal);
            var close = link.IndexOf('>', StringComparison.Ordinal);
            if (open < 0 || close <= open)
            {
                continue;
            }

            foreach (var parameter in link[(close + 1)..].Split(';'))
            {
                var pair = parameter.Split('=', 2);
                if (pair.Length == 2 && pair[0].Trim().Equals("rel", StringComparison.OrdinalIgnoreCase)
                    && pair[1].Trim().Trim('"').Split(' ').Contains("next", StringComparer.OrdinalIgnoreCase))
                {
                    return link[(open + 1)..close].Trim();
                }
            }
        }

        return null;
    }
}
