using Vigil.Domain;

namespace Vigil.Pipeline.Recommend;

/// <summary>
/// What Vigil proposes for a case: severity, confidence and the disposition it expects, the features that drove them,
/// a hypothesis whose every claim cites evidence on the case, what context is missing, and catalogue actions with
/// their blast radius. Versioned per case: a recompute adds a version and never rewrites one.
/// </summary>
public sealed record Recommendation
{
    /// <summary><c>rec_…</c>.</summary>
    public required string Id { get; init; }

    public required string CaseId { get; init; }

    /// <summary>1 for the first recommendation of a case, then 2, 3… on every recompute.</summary>
    public int Version { get; init; }

    /// <summary>Which analyst wrote it, e.g. <c>builtin/1</c> or <c>builtin/1+llm:gpt-4o-mini</c>.</summary>
    public required string Model { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>SHA-256 of the canonical dossier the analyst read, so the same inputs can be shown to give the same output.</summary>
    public required string InputDigest { get; init; }

    public required Severity Severity { get; init; }

    /// <summary>0–1: how sure the analyst is of its disposition, lowered by missing context.</summary>
    public required double Confidence { get; init; }

    public required Disposition Disposition { get; init; }

    /// <summary>Probability (0–1) that the case is a true positive.</summary>
    public required double TruePositiveProbability { get; init; }

    /// <summary>The scored features, largest absolute contribution first.</summary>
    public required IReadOnlyList<FeatureContribution> Features { get; init; }

    public required string Summary { get; init; }

    /// <summary>The hypothesis in one sentence; its support is in <see cref="Claims"/>.</summary>
    public required string Hypothesis { get; init; }

    public required IReadOnlyList<Claim> Claims { get; init; }

    public IReadOnlyList<MissingContext> MissingContext { get; init; } = [];

    public IReadOnlyList<ProposedAction> ProposedActions { get; init; } = [];

    public required CitationReport Verification { get; init; }

    /// <summary>Evidence whose content tried to instruct the analyst; flagged, never obeyed.</summary>
    public IReadOnlyList<InjectionFlag> InjectionFlags { get; init; } = [];

    /// <summary>How the built-in score and the learned disposition model were combined (or why not).</summary>
    public string? Blend { get; init; }

    /// <summary>What was refused on the way (an LLM answer out of schema or out of catalogue), in words.</summary>
    public IReadOnlyList<string> Rejections { get; init; } = [];
}
