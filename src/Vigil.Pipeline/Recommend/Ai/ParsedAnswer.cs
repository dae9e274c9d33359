namespace Vigil.Pipeline.Recommend.Ai;

/// <summary>A model's answer that passed the schema: still unverified, still to be checked against the catalogue.</summary>
public sealed record ParsedAnswer
{
    public required string Summary { get; init; }

    public required Claim Hypothesis { get; init; }

    public required IReadOnlyList<Claim> Claims { get; init; }

    public required IReadOnlyList<ParsedAction> Actions { get; init; }
}
