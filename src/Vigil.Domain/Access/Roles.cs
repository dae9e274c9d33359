namespace Vigil.Domain.Access;

/// <summary>Named roles as sets of permissions. An auditor reads everything and changes nothing.</summary>
public static class Roles
{
    public const string Viewer = "viewer";
    public const string Analyst = "analyst";
    public const string Responder = "responder";
    public const string Approver = "approver";
    public const string DetectionEngineer = "detection_engineer";
    public const string Auditor = "auditor";
    public const string Admin = "admin";

    private static readonly string[] ReadAll =
        [Permissions.AlertRead, Permissions.CaseRead, Permissions.LedgerRead, Permissions.MetricsRead, Permissions.ContextRead, Permissions.IntelRead];

    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Grants { get; } = new Dictionary<string, IReadOnlyList<string>>
    {
        [Viewer] = [Permissions.AlertRead, Permissions.CaseRead],
        [Analyst] = [.. ReadAll, Permissions.CaseWrite, Permissions.CaseClose, Permissions.AlertWrite, Permissions.EnrichRun, Permissions.ActionRequest, Permissions.ArtefactWrite],
        [Responder] = [.. ReadAll, Permissions.CaseWrite, Permissions.CaseClose, Permissions.EnrichRun, Permissions.ContextWrite, Permissions.IntelWrite, Permissions.ActionRequest, Permissions.ActionExecute, Permissions.ArtefactWrite, Permissions.ArtefactDownload],
        [Approver] = [.. ReadAll, Permissions.ActionApprove],
        [DetectionEngineer] = [.. ReadAll, Permissions.DeadLetterRead, Permissions.IntelWrite, Permissions.LearnDecide, Permissions.ReportRead],
        [Auditor] = [.. ReadAll, Permissions.DeadLetterRead, Permissions.EvidenceExport, Permissions.ReportRead, Permissions.ArtefactDownload],
        [Admin] = [Permissions.All],
    };

    public static IReadOnlySet<string> PermissionsOf(IEnumerable<string> roles)
    {
        var result = new HashSet<string>(StringComparer.Ordinal);
        foreach (var role in roles)
        {
            if (Grants.TryGetValue(role, out var granted))
            {
                result.UnionWith(granted);
            }
        }

        return result;
    }
}
