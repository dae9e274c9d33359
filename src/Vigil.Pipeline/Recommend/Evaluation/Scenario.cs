using Vigil.Domain;

namespace Vigil.Pipeline.Recommend.Evaluation;

/// <summary>One labelled case of the evaluation set: the dossier an analyst would see and what the analyst decided.</summary>
public sealed record Scenario
{
    public required string Id { get; init; }

    public required string Description { get; init; }

    /// <summary>Where its content comes from (a fixture, or synthetic with what it is modelled on).</summary>
    public required string Provenance { get; init; }

    public required CaseDossier Dossier { get; init; }

    public required Severity ExpectedSeverity { get; init; }

    public required Disposition ExpectedDisposition { get; init; }
}
