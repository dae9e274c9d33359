namespace Vigil.Domain.Access;

/// <summary>
/// The one catalogue of <c>resource:action</c> permissions. API keys carry a subset as scopes; roles are sets of them.
/// Enrichment and execution are separate on purpose: a key that may enrich may not contain a host.
/// </summary>
public static class Permissions
{
    public const string AlertRead = "alert:read";
    public const string AlertWrite = "alert:write";
    public const string CaseRead = "case:read";
    public const string CaseWrite = "case:write";
    public const string CaseClose = "case:close";
    public const string LedgerRead = "ledger:read";
    public const string DeadLetterRead = "deadletter:read";
    public const string DeadLetterReplay = "deadletter:replay";
    public const string EnrichRun = "enrich:run";
    public const string ContextRead = "context:read";
    public const string ContextWrite = "context:write";
    public const string IntelRead = "intel:read";
    public const string IntelWrite = "intel:write";
    public const string ActionRequest = "action:request";
    public const string ActionApprove = "action:approve";
    public const string ActionExecute = "action:execute";
    public const string ApiKeyManage = "apikey:manage";
    public const string UserManage = "user:manage";
    public const string MetricsRead = "metrics:read";
    public const string ConnectorRead = "connector:read";
    public const string FeedRead = "feed:read";
    public const string EvidenceExport = "evidence:export";
    public const string ReportRead = "report:read";
    public const string LearnDecide = "learn:decide";
    public const string ArtefactWrite = "artefact:write";
    public const string ArtefactDownload = "artefact:download";
    public const string RetentionManage = "retention:manage";

    /// <summary>Shorthand scope granting every permission; only for administrators' keys.</summary>
    public const string All = "*";

    public static IReadOnlyList<string> Catalogue { get; } =
    [
        AlertRead, AlertWrite, CaseRead, CaseWrite, CaseClose, LedgerRead, DeadLetterRead, DeadLetterReplay,
        EnrichRun, ContextRead, ContextWrite, IntelRead, IntelWrite, ActionRequest, ActionApprove, ActionExecute, ApiKeyManage, UserManage, MetricsRead,
        ConnectorRead, FeedRead,
        EvidenceExport, ReportRead, LearnDecide, ArtefactWrite, ArtefactDownload, RetentionManage,
    ];

    public static bool IsKnown(string scope) => scope == All || Catalogue.Contains(scope, StringComparer.Ordinal);

    public static bool Grants(IReadOnlyCollection<string> held, string required) =>
        held.Contains(All) || held.Contains(required);
}
