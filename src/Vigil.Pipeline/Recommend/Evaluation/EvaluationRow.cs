using Vigil.Domain;

namespace Vigil.Pipeline.Recommend.Evaluation;

/// <summary>One scenario's result: what was expected, what the recommender said, and how its citations fared.</summary>
public sealed record EvaluationRow
{
    public required string Scenario { get; init; }

    public required Severity ExpectedSeverity { get; init; }

    public required Severity Severity { get; init; }

    public required Disposition ExpectedDisposition { get; init; }

    public required Disposition Disposition { get; init; }

    public required double Confidence { get; init; }

    public required int Claims { get; init; }

    public required int SupportedClaims { get; init; }

    public required IReadOnlyList<string> Actions { get; init; }

    public required int InjectionFlags { get; init; }

    public bool SeverityAgrees => Severity == ExpectedSeverity;

    public bool DispositionAgrees => Disposition == ExpectedDisposition;
}
