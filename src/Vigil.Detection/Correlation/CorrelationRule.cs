using Vigil.Detection.Rules;

namespace Vigil.Detection.Correlation;

/// <summary>A parsed Sigma correlation rule (Sigma correlation rules specification 2.1.0).</summary>
public sealed record CorrelationRule
{
    public required string Title { get; init; }
    public string? Id { get; init; }

    /// <summary>The <c>name</c> other correlations use to chain to this one.</summary>
    public string? Name { get; init; }

    public string? Status { get; init; }
    public string? Description { get; init; }
    public string? Author { get; init; }
    public string? Level { get; init; }
    public string? Date { get; init; }
    public string? Modified { get; init; }
    public string? Taxonomy { get; init; }
    public IReadOnlyList<string> Tags { get; init; } = [];
    public IReadOnlyList<string> References { get; init; } = [];
    public IReadOnlyList<string> FalsePositives { get; init; } = [];

    public required CorrelationType Type { get; init; }

    /// <summary>Referenced Sigma or correlation rules, by id or name, in the order written (it matters for temporal_ordered).</summary>
    public required IReadOnlyList<string> Rules { get; init; }

    public required IReadOnlyList<string> GroupBy { get; init; }

    public required TimeSpan Timespan { get; init; }

    /// <summary>
    /// The condition. For temporal types without one, the spec's meaning applies: every referenced rule must match,
    /// which the parser writes as <c>gte: rules.Count</c>.
    /// </summary>
    public required CorrelationCondition Condition { get; init; }

    /// <summary><c>aliases</c>: alias → (referenced rule name → field name in that rule's events).</summary>
    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> Aliases { get; init; } =
        new Dictionary<string, IReadOnlyDictionary<string, string>>();

    /// <summary><c>generate</c>: whether the referenced rules also report on their own (default false).</summary>
    public bool Generate { get; init; }

    public required SigmaSourceLocation Location { get; init; }

    /// <summary>Line of each entry of <see cref="Rules"/>, for reference errors found after parsing.</summary>
    public IReadOnlyList<int> RuleLines { get; init; } = [];

    /// <summary>How the rule is named in messages: its name, else its id, else its title.</summary>
    public string DisplayName => Name ?? Id ?? Title;
}
