namespace Vigil.Domain.Cases;

/// <summary>Time to first response by severity. Defaults follow common SOC tiers; configurable per deployment.</summary>
public sealed record SlaPolicy
{
    public static SlaPolicy Default { get; } = new();

    public TimeSpan Critical { get; init; } = TimeSpan.FromHours(1);

    public TimeSpan High { get; init; } = TimeSpan.FromHours(4);

    public TimeSpan Medium { get; init; } = TimeSpan.FromHours(24);

    public TimeSpan Low { get; init; } = TimeSpan.FromHours(72);

    public TimeSpan Informational { get; init; } = TimeSpan.FromDays(7);

    public DateTimeOffset DueAt(Severity severity, DateTimeOffset openedAt) => openedAt + severity switch
    {
        Severity.Critical => Critical,
        Severity.High => High,
        Severity.Medium => Medium,
        Severity.Low => Low,
        Severity.Informational or Severity.Unknown => Informational,
        _ => Informational,
    };
}
