namespace Vigil.Pipeline.Ports;

/// <summary>A user's named queue filter: the query string of the queue page, replayed when the view is chosen.</summary>
public sealed record SavedView
{
    public required string Id { get; init; }

    public required string Owner { get; init; }

    public required string Name { get; init; }

    public required string Query { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }
}
