namespace Vigil.Pipeline.Enrich.Context;

/// <summary>What a context record leaves unknown, in words ("asset dc-01 has no owner"): missing context to report.</summary>
public static class ContextGaps
{
    public static IReadOnlyList<string> Of(AssetContext asset) => Gaps(
        $"asset {asset.HostName}",
        (asset.Owner is null, "no owner"),
        (asset.Criticality is null, "no business criticality"),
        (asset.Exposure is null, "no exposure (internal or internet-facing)"),
        (asset.Environment is null, "no environment"));

    public static IReadOnlyList<string> Of(IdentityContext identity) => Gaps(
        $"identity {identity.UserName}",
        (identity.Manager is null, "no manager"),
        (identity.Department is null, "no department"),
        (identity.Lifecycle is null, "no lifecycle state"),
        (identity.Privileged is null, "unknown privilege"));

    public static IReadOnlyList<string> Of(ServiceContext service) => Gaps(
        $"service {service.Name}",
        (service.Owner is null, "no owner"),
        (service.Criticality is null, "no business criticality"));

    private static List<string> Gaps(string subject, params ReadOnlySpan<(bool Absent, string What)> checks)
    {
        var missing = new List<string>();
        foreach (var (absent, what) in checks)
        {
            if (absent)
            {
                missing.Add($"{subject} has {what}");
            }
        }

        return missing;
    }
}
