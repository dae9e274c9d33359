namespace Vigil.Pipeline.Evidence.Leadership;

/// <summary>
/// The leadership report for [From, To): every figure is computed from cases, the ledger and learning records;
/// <see cref="Summary"/> is written from these figures by a template, never generated.
/// </summary>
public sealed record LeadershipReport
{
    public required DateTimeOffset From { get; init; }

    public required DateTimeOffset To { get; init; }

    public required int Opened { get; init; }

    public required int Closed { get; init; }

    /// <summary>Mean time to acknowledge (opening to the first entry by a person), over cases acknowledged in the period.</summary>
    public required double? MttaMinutes { get; init; }

    /// <summary>Mean time to resolve (opening to closure), over cases closed in the period.</summary>
    public required double? MttrMinutes { get; init; }

    public required int SlaBreaches { get; init; }

    public required int AutomatedActions { get; init; }

    /// <summary>Automated action runs times the configured minutes an analyst would have spent on each (an assumption, named).</summary>
    public required double AnalystMinutesSaved { get; init; }

    public required double MinutesPerAutomatedAction { get; init; }

    public required IReadOnlyList<LeadershipWeek> Weeks { get; init; }

    public required IReadOnlyList<NoisyRule> NoisyRules { get; init; }

    public required int OpenLearningTasks { get; init; }

    public required int OverdueLearningTasks { get; init; }

    public required IReadOnlyList<OutstandingTask> LearningTasks { get; init; }

    public required string Summary { get; init; }
}
