using Vigil.Domain.Alerts;

namespace Vigil.Pipeline.Enrich.Geo;

/// <summary>Which alerts are sign-ins, so geo-velocity is computed for them and nothing else.</summary>
public static class AuthenticationEvents
{
    /// <summary>The tag an alert made from an OCSF Authentication event (class_uid 3002) carries.</summary>
    public const string Tag = "ocsf.authentication";

    public const int OcsfClassUid = 3002;

    public static bool IsAuthentication(Alert alert)
    {
        foreach (var tag in alert.Tags)
        {
            if (tag.Equals(Tag, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}
