namespace Vigil.Pipeline.Recommend;

/// <summary>One statement of the hypothesis and the evidence ids it rests on. Unsupported claims are kept and shown as such.</summary>
public sealed record Claim
{
    public required string Text { get; init; }

    public required IReadOnlyList<string> EvidenceIds { get; init; }

    /// <summary>Set by the citation verifier: every cited id exists on the case and at least one is cited.</summary>
    public bool Supported { get; init; }

    /// <summary>Why the verifier did not accept it (unknown ids, no citation, only injected content cited).</summary>
    public string? Problem { get; init; }

    /// <summary><c>builtin</c> or <c>llm</c>.</summary>
    public string Origin { get; init; } = "builtin";
}
