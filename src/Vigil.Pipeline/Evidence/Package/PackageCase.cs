namespace Vigil.Pipeline.Evidence;

public sealed record PackageCase
{
    public required string Id { get; init; }

    public required string Title { get; init; }

    public required string State { get; init; }

    public required string Severity { get; init; }

    public required string SeverityAtOpen { get; init; }

    public string? Owner { get; init; }

    public required DateTimeOffset OpenedAt { get; init; }

    public required DateTimeOffset UpdatedAt { get; init; }

    public required DateTimeOffset SlaDueAt { get; init; }

    public DateTimeOffset? ClosedAt { get; init; }

    public string? MergedInto { get; init; }

    public required int AlertCount { get; init; }

    public required long Version { get; init; }
}
