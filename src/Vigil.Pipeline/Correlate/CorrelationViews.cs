using Vigil.Detection.Attack;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;
using Vigil.Pipeline.Ports;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// Reads a case as an analyst investigates it: its entity graph, its timeline with ATT&amp;CK tactics in kill-chain
/// order, the closed cases it resembles, and any entity across every case. Read-only; nothing here changes a case.
/// </summary>
public sealed partial class CorrelationViews(IVigilStore store, GroupingPolicy policy, AttackCatalog? catalog = null)
{
    /// <summary>Most cases an entity view lists (most recently active first).</summary>
    public const int MaxEntityCases = 50;

    /// <summary>Most alerts an entity view lists, across its cases.</summary>
    public const int MaxEntityAlerts = 500;

    private readonly AttackCatalog _catalog = catalog ?? AttackCatalog.Enterprise;

    /// <summary>The case, its alerts (with why each joined) and their entities; null when there is no such case.</summary>
    public async Task<EntityGraph?> GraphAsync(string caseId, CancellationToken cancellationToken)
    {
        var found = await store.GetCaseAsync(caseId, cancellationToken);
        if (found is null)
        {
            return null;
        }

        var reasons = await ReasonsAsync(caseId, cancellationToken);
        var graph = new EntityGraphBuilder();
        graph.AddCase(found);
        foreach (var alert in await store.GetCaseAlertsAsync(caseId, cancellationToken))
        {
            graph.AddAlert(alert, caseId, reasons.GetValueOrDefault(alert.Id));
        }

        return graph.Build();
    }

    /// <summary>An entity across cases; null when no alert ever named it.</summary>
    public async Task<EntityView?> EntityAsync(Entity entity, CancellationToken cancellationToken)
    {
        var record = await store.GetEntityAsync(entity.Key, cancellationToken);
        if (record is null)
        {
            return null;
        }

        var cases = await store.ListEntityCasesAsync(entity.Key, MaxEntityCases, cancellationToken);
        var alerts = new List<EntityAlert>();
        var graph = new EntityGraphBuilder();
        graph.AddEntity(entity);
        foreach (var held in cases)
        {
            graph.AddCase(held.Case);
            if (alerts.Count >= MaxEntityAlerts)
            {
                continue;
            }

            foreach (var alert in await store.GetCaseAlertsAsync(held.Case.Id, cancellationToken))
            {
                if (alerts.Count < MaxEntityAlerts && alert.Entities.Contains(entity))
                {
                    alerts.Add(new EntityAlert(alert.Id, held.Case.Id, alert.Source, alert.Title, alert.Severity, alert.OccurredAt));
                    // Only this entity's edges: the view is about it, not every neighbour of every alert.
                    graph.AddAlert(alert, held.Case.Id, null, e => e.Equals(entity));
                }
            }
        }

        return new EntityView(record.Entity, record.FirstSeen, record.LastSeen, cases, alerts, graph.Build());
    }

    private async Task<Dictionary<string, string>> ReasonsAsync(string caseId, CancellationToken cancellationToken)
    {
        var links = await store.GetCaseAlertLinksAsync(caseId, cancellationToken);
        var reasons = new Dictionary<string, string>(links.Count, StringComparer.Ordinal);
        foreach (var link in links)
        {
            reasons[link.AlertId] = link.Reason;
        }

        return reasons;
    }

    private static string? ClassificationOf(Case @case) => @case.Classification?.ToWire();
}
