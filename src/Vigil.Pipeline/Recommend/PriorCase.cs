using Vigil.Domain.Cases;

namespace Vigil.Pipeline.Recommend;

/// <summary>A closed case that shares entities with this one, and how an analyst classified it.</summary>
public sealed record PriorCase
{
    public required string CaseId { get; init; }

    public required string Title { get; init; }

    public required Classification Classification { get; init; }

    public required DateTimeOffset ClosedAt { get; init; }

    /// <summary>The entity keys it shares with the case under review.</summary>
    public IReadOnlyList<string> SharedEntities { get; init; } = [];
}
