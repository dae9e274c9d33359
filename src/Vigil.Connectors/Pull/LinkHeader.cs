namespace Vigil.Connectors.Pull;

/// <summary>Reads the <c>rel="next"</c> target of RFC 8288 Link headers.</summary>
internal static class LinkHeader
{
    public static string? Next(HttpResponseMessage response)
    {
        if (!response.Headers.TryGetValues("Link", out var values))
        {
            return null;
        }

        foreach (var value in values)
        {
            foreach (var link in value.Split(','))
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
        }

        return null;
    }
}
