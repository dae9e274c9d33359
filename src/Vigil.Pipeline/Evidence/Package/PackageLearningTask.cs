namespace Vigil.Pipeline.Evidence;

public sealed record PackageLearningTask(string Id, string Kind, string Title, string? Owner, DateTimeOffset DueAt, string Status, DateTimeOffset? DoneAt, string? RefId);
