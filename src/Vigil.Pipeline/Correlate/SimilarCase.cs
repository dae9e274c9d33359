using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Correlate;

/// <summary>
/// A closed case like the one asked about, with how it was classified, so a recurring false positive is recognised.
/// <see cref="Score"/> (0–1) weighs shared rules most, then shared entities, then shared techniques.
/// </summary>
public sealed record SimilarCase
{
    public required string CaseId { get; init; }

    public required string Title { get; init; }

    /// <summary>How the case was closed (<c>false_positive</c>, <c>true_positive</c>, <c>benign</c>…).</summary>
    public string? Classification { get; init; }

    public string? ClosureNote { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public required double Score { get; init; }

    public required IReadOnlyList<string> SharedRules { get; init; }

    public required IReadOnlyList<string> SharedTechniques { get; init; }

    public required IReadOnlyList<Entity> SharedEntities { get; init; }

    /// <summary>"same rule …; same technique T1197; shared host ws-12 and user alice".</summary>
    public required string Reason { get; init; }
}
