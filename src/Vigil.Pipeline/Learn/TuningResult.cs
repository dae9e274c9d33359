namespace Vigil.Pipeline.Learn;

/// <summary>
/// A proposed tuning: the rule before and after, the diff, the exclusion (fields and values), the replay proof, and
/// the candidates tried before it (a broader exclusion that silenced a true positive is named here).
/// </summary>
public sealed record TuningResult
{
    public required string CaseId { get; init; }

    public required string RuleId { get; init; }

    public required string RuleTitle { get; init; }

    public required string FilterName { get; init; }

    public required IReadOnlyList<TuningFilterField> Filter { get; init; }

    public required string OriginalRule { get; init; }

    public required string TunedRule { get; init; }

    public required string Diff { get; init; }

    public required ReplayProof Proof { get; init; }

    public required IReadOnlyList<string> Attempts { get; init; }

    public bool Passed => Proof.Passed;
}
