namespace Vigil.Domain.Learn;

/// <summary>One thing a closed case still has to teach, owned and due, until the case reaches <c>learned</c>.</summary>
public sealed record LearningTask
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public required LearningTaskKind Kind { get; init; }

    public required string Title { get; init; }

    public string? Owner { get; init; }

    public required DateTimeOffset DueAt { get; init; }

    public required LearningTaskStatus Status { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DoneAt { get; init; }

    /// <summary>What the task is about: a tuning proposal id, a scenario name.</summary>
    public string? RefId { get; init; }

    public bool IsOpen => Status == LearningTaskStatus.Open;
}
