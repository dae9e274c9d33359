using Vigil.Domain.Entities;

namespace Vigil.Pipeline.Correlate;

/// <summary>One rule of <c>content/policy/grouping.yaml</c>: for the alerts <see cref="When"/> selects, how they group.</summary>
public sealed record GroupingRule
{
    public required string Name { get; init; }

    public AlertSelector When { get; init; } = AlertSelector.Everything;

    public required GroupingMode Mode { get; init; }

    /// <summary>The entity types that count for grouping; others are ignored (never joined on).</summary>
    public required IReadOnlySet<EntityType> EntityTypes { get; init; }

    /// <summary>How far back (event time) a case's activity on an entity still counts.</summary>
    public required TimeSpan Lookback { get; init; }

    /// <summary>Alerts a case takes before further matching alerts open an overflow case.</summary>
    public required int MaxAlerts { get; init; }

    /// <summary>True when the rule named its entity types (Sentinel's "selected entities").</summary>
    public bool SelectedTypes { get; init; }

    /// <summary>"any entity", "all entities", "all of host, user" (selected types), "never groups".</summary>
    public string ModeDescription => Mode switch
    {
        // The type list of an "any" rule is policy detail; the reason names the entities that matched.
        GroupingMode.Any => "any entity",
        GroupingMode.All => SelectedTypes ? $"all of {Types}" : "all entities",
        GroupingMode.Never => "never groups",
        _ => throw new ArgumentOutOfRangeException(nameof(Mode), Mode, null),
    };

    private string Types => string.Join(", ", EntityTypes.Select(t => t.ToWire()).Order(StringComparer.Ordinal));
}
