using Vigil.Detection.Pipelines;
using Vigil.Detection.Regression;

namespace Vigil.Pipeline.Learn;

/// <summary>
/// What a tuning is proposed from: the rule's text, the events of the benign case (JSON), the stored true-positive
/// events (reference and JSON), the rule's regression cases, and optionally the fields the analyst says made it benign.
/// </summary>
public sealed record TuningRequest
{
    public required string RuleYaml { get; init; }

    public required string RuleFileName { get; init; }

    public required SigmaPipeline Pipeline { get; init; }

    public required string CaseId { get; init; }

    public required IReadOnlyList<ReplayEvent> BenignEvents { get; init; }

    public required IReadOnlyList<ReplayEvent> TruePositiveEvents { get; init; }

    public IReadOnlyList<RegressionCase> RegressionCases { get; init; } = [];

    public IReadOnlyList<string> PreferredFields { get; init; } = [];
}
