namespace Vigil.Pipeline.Recommend;

/// <summary>The citation verifier's result: every cited id checked against the evidence the case holds.</summary>
public sealed record CitationReport
{
    public required int Claims { get; init; }

    public required int SupportedClaims { get; init; }

    /// <summary>Cited ids that are not on the case.</summary>
    public IReadOnlyList<string> UnknownIds { get; init; } = [];

    /// <summary>Share of claims with valid evidence (1 when there are no claims to check).</summary>
    public double Validity => Claims == 0 ? 1 : Math.Round((double)SupportedClaims / Claims, 4);

    public bool AllSupported => SupportedClaims == Claims;
}
