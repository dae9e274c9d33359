namespace Vigil.Pipeline.Correlate;

/// <summary>Nodes and edges, ready to draw (each node once; edges refer to node ids).</summary>
public sealed record EntityGraph(IReadOnlyList<GraphNode> Nodes, IReadOnlyList<GraphEdge> Edges);
