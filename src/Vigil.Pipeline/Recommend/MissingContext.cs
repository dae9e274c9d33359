namespace Vigil.Pipeline.Recommend;

/// <summary>Something the analyst could not know, and what knowing it would change.</summary>
public sealed record MissingContext
{
    public required string What { get; init; }

    public required string WouldChange { get; init; }

    /// <summary>The entity or evidence it concerns, when there is one.</summary>
    public string? Subject { get; init; }
}
