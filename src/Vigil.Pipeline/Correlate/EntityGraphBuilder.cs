using Vigil.Domain.Alerts;
using Vigil.Domain.Cases;
using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Correlate;

/// <summary>Accumulates cases, alerts and entities into an <see cref="EntityGraph"/>, each node once.</summary>
public sealed class EntityGraphBuilder
{
    private readonly List<GraphNode> _nodes = [];
    private readonly HashSet<string> _nodeIds = new(StringComparer.Ordinal);
    private readonly List<GraphEdge> _edges = [];
    private readonly HashSet<(string, string, string)> _edgeKeys = [];

    public static string CaseId(string caseId) => "case:" + caseId;

    public static string AlertId(string alertId) => "alert:" + alertId;

    public static string EntityId(Entity entity) => "entity:" + entity.Key;

    public string AddCase(Case @case)
    {
        var id = CaseId(@case.Id);
        AddNode(new GraphNode { Id = id, Kind = "case", Label = @case.Title, Severity = @case.Severity, At = @case.OpenedAt, State = @case.State.ToWire() });
        return id;
    }

    /// <summary>The alert, an edge from its case (with the grouping reason when known) and one to each of its entities.</summary>
    public string AddAlert(Alert alert, string? caseId, string? reason, Func<Entity, bool>? includeEntity = null)
    {
        var id = AlertId(alert.Id);
        AddNode(new GraphNode { Id = id, Kind = "alert", Label = alert.Title, Severity = alert.Severity, At = alert.OccurredAt, State = caseId });
        if (caseId is not null)
        {
            AddEdge(new GraphEdge(CaseId(caseId), id, "contains") { Reason = reason });
        }

        foreach (var entity in alert.Entities)
        {
            if (includeEntity is null || includeEntity(entity))
            {
                AddEdge(new GraphEdge(id, AddEntity(entity), "observed"));
            }
        }

        return id;
    }

    public string AddEntity(Entity entity)
    {
        var id = EntityId(entity);
        AddNode(new GraphNode { Id = id, Kind = "entity", Label = entity.Value, EntityType = entity.Type.ToWire() });
        return id;
    }

    public EntityGraph Build() => new([.. _nodes], [.. _edges]);

    private void AddNode(GraphNode node)
    {
        if (_nodeIds.Add(node.Id))
        {
            _nodes.Add(node);
        }
    }

    private void AddEdge(GraphEdge edge)
    {
        if (_edgeKeys.Add((edge.From, edge.To, edge.Kind)))
        {
            _edges.Add(edge);
        }
    }
}
