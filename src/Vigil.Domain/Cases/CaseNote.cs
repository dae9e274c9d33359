namespace Vigil.Domain.Cases;

public sealed record CaseNote
{
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    public required string Author { get; init; }

    /// <summary>Free text. May quote alert content, so it is rendered escaped like everything else.</summary>
    public required string Text { get; init; }

    public required DateTimeOffset At { get; init; }
}
